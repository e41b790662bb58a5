using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Domain.CaseloadImport;
using Nolb.Web.Domain.Interventions;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Participants;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;
using K = Nolb.Web.Domain.CaseloadImport.ImportRecordKind;

namespace Nolb.Web.Features.CaseloadImport;

/// <summary>
/// Checks (dry run) or imports a mapped caseload file. Both are the same pass over the file inside one database
/// transaction, row by row through the domain's own rules (the participant validator and duplicate check,
/// <see cref="Participant.StartEngagement"/>, <see cref="Engagement.MoveTo"/>, <see cref="Intervention.Apply"/>,
/// <see cref="Outcome.Record"/>, <see cref="SustainmentCheck.Record"/>); a dry run rolls the transaction back, an import
/// commits it. So the dry run's report is what the import will do, and a failure part-way (a crash, the server stopping)
/// rolls everything back: nothing is half-written, and the import is started again from the beginning.
/// Rows are read from disk once per kind (people first, so a stage finds its engagement); only the LEP's references
/// are held in memory.
/// </summary>
public sealed class CaseloadImporter(NolbDbContext db, TimeProvider clock, ImportWorkFolder folder)
{
    public const string DefaultStageReason = "Recorded before the LEP used Nolb";

    /// <summary>Rows after which the change tracker is emptied, so memory stays flat however long the file is.</summary>
    private const int ClearEvery = 200;

    public sealed record ReportLine(int Row, string Kind, string Reference, string Result, string Field, string Message);

    public static class Results
    {
        public const string Create = "Create";
        public const string Update = "Update";
        public const string Unchanged = "Unchanged";
        public const string Refused = "Refused";
        public const string PossibleDuplicate = "Possible duplicate";
    }

    private sealed record Known(Guid RecordId, Guid EntityId, string Hash);

    private sealed record Row(int Number, ImportRecordKind Kind, Func<string, string?> Get);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Runs the check (<paramref name="commit"/> false) or the import; the run records the counts, or why it failed.</summary>
    public async Task RunAsync(Guid runId, bool commit, IProgress<int>? progress, CancellationToken ct)
    {
        var run = await db.ImportRuns.SingleAsync(r => r.Id == runId, ct);
        var lepId = run.LepId;
        var userId = run.StartedByUserId;
        var fields = ImportFields.WithCatalogue(await db.InterventionTypes.AsNoTracking().Select(t => new { t.Code, t.Name }).ToListAsync(ct)
            .ContinueWith(t => t.Result.Select(x => (x.Code, x.Name)), ct, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default));
        var mapping = ImportMapping.From(run, fields);
        var typeIds = await db.InterventionTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        var keyWorkers = (await db.Users.AsNoTracking()
            .Where(u => u.LepId == lepId && !u.IsDisabled && (u.Role == Role.KeyWorker || u.Role == Role.TeamLeader))
            .Select(u => new { u.Id, u.Email }).ToListAsync(ct))
            .Where(u => u.Email is not null).ToDictionary(u => u.Email!, u => u.Id, StringComparer.OrdinalIgnoreCase);
        var partners = (await db.Organisations.AsNoTracking().Where(o => o.LepId == null || o.LepId == lepId).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .GroupBy(o => o.Name.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var known = (await db.ImportedRecords.AsNoTracking().Where(r => r.LepId == lepId)
            .Select(r => new { r.Id, r.Kind, r.Reference, r.EntityId, r.Hash }).ToListAsync(ct))
            .ToDictionary(r => (r.Kind, r.Reference), r => new Known(r.Id, r.EntityId, r.Hash));

        var counts = new Dictionary<string, int>();
        var rowsSeen = 0;
        var closures = new List<(int Row, string Reference, Guid EngagementId, DateOnly Date, LeavingReason? Reason, bool HasReason)>();
        var reportPath = folder.ReportPath(run.Id);
        var done = 0;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await using (var writer = new StreamWriter(reportPath, false, new UTF8Encoding(false)))
            await using (var csv = new CsvWriter(writer, SpreadsheetText.CsvExport()))
            {
                csv.WriteHeader<ReportLine>();
                await csv.NextRecordAsync();
                var refusedRows = new HashSet<int>();
                async Task Report(ReportLine line)
                {
                    csv.WriteRecord(line);
                    await csv.NextRecordAsync();
                    if (line.Result == Results.Refused && !refusedRows.Add(line.Row))
                    {
                        return;
                    }

                    counts[line.Result] = counts.GetValueOrDefault(line.Result) + 1;
                }

                foreach (var pass in Enum.GetValues<ImportRecordKind>())
                {
                    foreach (var row in Rows(run, mapping, pass == K.Person ? Report : null))
                    {
                        ct.ThrowIfCancellationRequested();
                        if (pass == K.Person)
                        {
                            rowsSeen++;
                        }

                        progress?.Report(++done);
                        if (row.Kind != pass)
                        {
                            continue;
                        }

                        var problems = new List<(string Field, string Message)>();
                        var reference = row.Kind switch
                        {
                            K.Person => row.Get(ImportFields.PersonRef),
                            K.Engagement => row.Get(ImportFields.EngagementRef),
                            K.Stage => row.Get(ImportFields.EngagementRef),
                            _ => row.Get(ImportFields.RecordRef),
                        } ?? "";
                        var (result, message) = row.Kind switch
                        {
                            K.Person => await PersonAsync(row, reference, problems, ct),
                            K.Engagement => await EngagementAsync(row, reference, problems, ct),
                            K.Stage => await StageAsync(row, reference, problems, ct),
                            K.Intervention => await InterventionAsync(row, reference, problems, ct),
                            _ => await OutcomeAsync(row, reference, problems, ct),
                        };
                        if (problems.Count > 0)
                        {
                            foreach (var (field, problem) in problems)
                            {
                                await Report(new(row.Number, row.Kind.ToString(), reference, Results.Refused, field, problem));
                            }
                        }
                        else
                        {
                            await Report(new(row.Number, row.Kind.ToString(), reference, result, "", message));
                        }

                        if (done % ClearEvery == 0)
                        {
                            db.ChangeTracker.Clear();
                        }
                    }
                }

                // Engagements close last: a closed engagement takes no more stage moves.
                foreach (var (row, reference, engagementId, date, reason, hasReason) in closures)
                {
                    var engagement = await db.Engagements.Include(e => e.StageMoves).SingleAsync(e => e.Id == engagementId, ct);
                    if (!engagement.IsOpen)
                    {
                        continue;
                    }

                    var closed = reason is null
                        ? DomainResult.Fail<Engagement>("LeavingReason", hasReason ? "" : "Give the reason the person left, as the engagement has an end date")
                        : engagement.Close(date, reason.Value, Today);
                    if (closed.Succeeded)
                    {
                        await db.SaveChangesAsync(ct);
                        await Report(new(row, nameof(Engagement), reference, Results.Update, "EndDate", $"Closed on {date:dd/MM/yyyy}"));
                    }
                    else if (closed.Error is { Length: > 0 } error)
                    {
                        await Report(new(row, nameof(Engagement), reference, Results.Refused, FieldName(closed.Field),
                            error + ". The engagement is imported open: correct the end date and import the file again to close it"));
                    }
                }
            }

            db.ChangeTracker.Clear();
            run = await db.ImportRuns.SingleAsync(r => r.Id == runId, ct);
            run.Rows = rowsSeen;
            run.Created = counts.GetValueOrDefault(Results.Create);
            run.Updated = counts.GetValueOrDefault(Results.Update);
            run.Unchanged = counts.GetValueOrDefault(Results.Unchanged);
            run.Refused = counts.GetValueOrDefault(Results.Refused);
            run.PossibleDuplicates = counts.GetValueOrDefault(Results.PossibleDuplicate);
            run.Failure = null;
            if (commit)
            {
                run.Status = ImportRunStatus.Imported;
                run.ImportedAt = Now;
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                folder.DeleteUpload(run.Id);
            }
            else
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                await RecordAsync(runId, r =>
                {
                    (r.Rows, r.Created, r.Updated, r.Unchanged, r.Refused, r.PossibleDuplicates) = (run.Rows, run.Created, run.Updated, run.Unchanged, run.Refused, run.PossibleDuplicates);
                    r.Status = ImportRunStatus.Checked;
                    r.CheckedAt = Now;
                    r.Failure = null;
                }, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            await RecordAsync(runId, r =>
            {
                r.Status = ImportRunStatus.Failed;
                r.Failure = e is OperationCanceledException
                    ? "The import stopped part-way (the server was stopped or restarted). Nothing was imported: check the file and import it again"
                    : "The import failed part-way and nothing was imported. Try again; if it fails again, send this to support: " + Truncate(e.Message, 1500);
            }, CancellationToken.None);
            throw;
        }

        async Task<(string, string)> PersonAsync(Row row, string reference, List<(string, string)> problems, CancellationToken ct)
        {
            if (reference.Length == 0)
            {
                problems.Add((ImportFields.PersonRef, "Enter your reference for the person: it links their engagements and lets the file be imported again safely"));
                return default;
            }

            var details = new ParticipantDetails
            {
                GivenName = row.Get("GivenName"),
                FamilyName = row.Get("FamilyName"),
                PreferredName = row.Get("PreferredName"),
                DateOfBirth = DateOf(row, "DateOfBirth", problems),
                NationalInsuranceNumber = row.Get("NationalInsuranceNumber"),
                Postcode = row.Get("Postcode"),
                AddressLine = row.Get("AddressLine"),
                Email = row.Get("Email"),
                Phone = row.Get("Phone"),
                PreferredContact = EnumOf<ContactMethod>(row, "PreferredContact", problems),
                EmploymentStatusAtStart = EnumOf<EmploymentStatus>(row, "EmploymentStatus", problems),
                BenefitsAtStart = ListOf<Benefit>(row, "Benefits", problems),
                HighestScqfLevel = IntOf(row, "HighestScqfLevel", problems),
                Equality = new EqualityMonitoring
                {
                    Sex = EnumOf<Sex>(row, "Sex", problems),
                    TransStatus = EnumOf<TransStatus>(row, "TransStatus", problems),
                    Ethnicity = EnumOf<Ethnicity>(row, "Ethnicity", problems),
                    Disabled = EnumOf<YesNo>(row, "Disabled", problems),
                    LongTermHealthCondition = EnumOf<YesNo>(row, "LongTermHealthCondition", problems),
                    Religion = EnumOf<Religion>(row, "Religion", problems),
                    SexualOrientation = EnumOf<SexualOrientation>(row, "SexualOrientation", problems),
                },
                Circumstances = CircumstancesOf(row, problems),
            };
            if (problems.Count > 0)
            {
                return default;
            }

            var validation = await new ParticipantDetailsValidator(Today).ValidateAsync(details, ct);
            if (!validation.IsValid)
            {
                problems.AddRange(validation.Errors.Select(e => (FieldName(e.PropertyName), e.ErrorMessage)));
                return default;
            }

            var hash = Hash(row, K.Person);
            if (known.TryGetValue((K.Person, reference), out var existing))
            {
                if (existing.Hash == hash)
                {
                    return (Results.Unchanged, "");
                }

                var participant = await db.Participants.SingleOrDefaultAsync(p => p.Id == existing.EntityId, ct);
                if (participant is null || participant.LepId != lepId || participant.ErasedAt is not null)
                {
                    problems.Add((ImportFields.PersonRef, "This person's record has moved to another LEP or been erased, so this file cannot change it"));
                    return default;
                }

                details.ApplyTo(participant);
                await SaveKnownAsync(K.Person, reference, participant.Id, hash, existing, ct);
                return (Results.Update, "");
            }

            var duplicates = await RegisterParticipant.PossibleDuplicatesAsync(db, lepId, details, null, ct);
            if (duplicates.Count > 0 && !run.ImportPossibleDuplicates)
            {
                var first = duplicates[0];
                return (Results.PossibleDuplicate,
                    $"Already in Nolb as {first.Reference} ({first.Why}). If it is the same person, leave this row out or use the reference you gave them before; if not, tick \"Import possible duplicates as new people\"");
            }

            var created = new Participant
            {
                Reference = ParticipantReferences.New(),
                LepId = lepId,
                GivenName = "",
                FamilyName = "",
                CreatedAt = Now,
                CreatedByUserId = userId,
            };
            details.ApplyTo(created);
            db.Participants.Add(created);
            await SaveKnownAsync(K.Person, reference, created.Id, hash, null, ct);
            return (Results.Create, commit ? $"Nolb reference {created.Reference}" : "");
        }

        async Task<(string, string)> EngagementAsync(Row row, string reference, List<(string, string)> problems, CancellationToken ct)
        {
            var person = row.Get(ImportFields.PersonRef);
            RequireReferences(reference, person, problems);
            var start = DateOf(row, "StartDate", problems);
            var source = EnumOf<ReferralSource>(row, "ReferralSource", problems);
            var funding = ListOf<FundingStream>(row, "FundingStreams", problems);
            var end = DateOf(row, "EndDate", problems);
            var leaving = EnumOf<LeavingReason>(row, "LeavingReason", problems);
            Guid? keyWorker = null;
            if (row.Get("KeyWorkerEmail") is { } email)
            {
                if (keyWorkers.TryGetValue(email, out var id))
                {
                    keyWorker = id;
                }
                else
                {
                    problems.Add(("KeyWorkerEmail", $"{email} is not a key worker or team leader of your LEP in Nolb. Use the email of their Nolb account, or leave it empty and assign the case later"));
                }
            }

            if (start is null && !problems.Any(p => p.Item1 == "StartDate"))
            {
                problems.Add(("StartDate", "Enter the date support started, like 31/03/2025"));
            }

            if (source is null && !problems.Any(p => p.Item1 == "ReferralSource"))
            {
                problems.Add(("ReferralSource", "Enter who referred the person, or Self"));
            }

            if (funding.Count == 0 && !problems.Any(p => p.Item1 == "FundingStreams"))
            {
                problems.Add(("FundingStreams", "Enter at least one funding stream"));
            }

            if (problems.Count > 0)
            {
                return default;
            }

            if (!known.TryGetValue((K.Person, person!), out var owner))
            {
                problems.Add((ImportFields.PersonRef, $"No person with reference {person} is in this file or an earlier import. Add their person row"));
                return default;
            }

            var hash = Hash(row, K.Engagement, "EndDate", "LeavingReason");
            Engagement engagement;
            string result;
            if (known.TryGetValue((K.Engagement, reference), out var existing))
            {
                engagement = await db.Engagements.SingleAsync(e => e.Id == existing.EntityId, ct);
                if (existing.Hash == hash)
                {
                    result = Results.Unchanged;
                }
                else if (engagement.StartDate != start || engagement.ParticipantId != owner.EntityId)
                {
                    problems.Add(("StartDate", "This engagement was imported with another start date or person, which an import cannot change. Correct it in Nolb"));
                    return default;
                }
                else
                {
                    engagement.ReferralSource = source!.Value;
                    engagement.FundingStreams = funding.Distinct().ToList();
                    if (engagement.KeyWorkerId != keyWorker && engagement.IsOpen)
                    {
                        engagement.Reassign(keyWorker, "Changed by a caseload import", userId, Now);
                    }

                    await SaveKnownAsync(K.Engagement, reference, engagement.Id, hash, existing, ct);
                    result = Results.Update;
                }
            }
            else
            {
                var participant = await db.Participants.Include(p => p.Engagements).SingleAsync(p => p.Id == owner.EntityId, ct);
                var started = participant.StartEngagement(start!.Value, source!.Value, funding, keyWorker, userId, Today, Now);
                if (!started.Succeeded)
                {
                    problems.Add((FieldName(started.Field), started.Error!));
                    return default;
                }

                engagement = started.Value!;
                await SaveKnownAsync(K.Engagement, reference, engagement.Id, hash, null, ct);
                result = Results.Create;
            }

            if (end is { } endDate)
            {
                closures.Add((row.Number, reference, engagement.Id, endDate, leaving, row.Get("LeavingReason") is not null));
            }

            return (result, "");
        }

        async Task<(string, string)> StageAsync(Row row, string reference, List<(string, string)> problems, CancellationToken ct)
        {
            RequireReferences(reference, "-", problems);
            var stage = EnumOf<PipelineStage>(row, "Stage", problems);
            var date = DateOf(row, "StartDate", problems);
            if (stage is null && !problems.Any(p => p.Item1 == "Stage"))
            {
                problems.Add(("Stage", "Enter the stage, 1 to 5"));
            }

            if (date is null && !problems.Any(p => p.Item1 == "StartDate"))
            {
                problems.Add(("StartDate", "Enter the date of the move, like 31/03/2025"));
            }

            if (problems.Count > 0 || !EngagementOf(reference, problems, out var engagementId))
            {
                return default;
            }

            var key = $"{reference}|{(int)stage!.Value}|{date!.Value:yyyy-MM-dd}";
            var hash = Hash(row, K.Stage);
            if (known.TryGetValue((K.Stage, key), out var existing))
            {
                return existing.Hash == hash ? (Results.Unchanged, "") : (Results.Unchanged, "A stage move is kept as first recorded; its reason is not changed by an import");
            }

            var engagement = await db.Engagements.Include(e => e.StageMoves).SingleAsync(e => e.Id == engagementId, ct);
            if (engagement.StageMoves.FirstOrDefault(m => m.Stage == stage && m.Date == date) is { } same)
            {
                await SaveKnownAsync(K.Stage, key, same.Id, hash, null, ct);
                return (Results.Unchanged, "Recorded when the engagement started");
            }

            var moved = engagement.MoveTo(stage.Value, date.Value, row.Get("Reason") ?? DefaultStageReason, userId, Today, Now);
            if (!moved.Succeeded)
            {
                problems.Add((FieldName(moved.Field), moved.Error!));
                return default;
            }

            await SaveKnownAsync(K.Stage, key, moved.Value!.Id, hash, null, ct);
            return (Results.Create, "");
        }

        async Task<(string, string)> InterventionAsync(Row row, string reference, List<(string, string)> problems, CancellationToken ct)
        {
            RequireReferences(reference, row.Get(ImportFields.EngagementRef), problems);
            var typeCode = CodeOf(row, ImportFields.InterventionType, problems);
            var deliveredBy = EnumOf<DeliveredBy>(row, "DeliveredBy", problems);
            Guid? partner = null;
            if (row.Get("PartnerOrganisation") is { } partnerName)
            {
                if (partners.TryGetValue(partnerName, out var id))
                {
                    partner = id;
                }
                else
                {
                    problems.Add(("PartnerOrganisation", $"No organisation called {partnerName} is in Nolb for your LEP. Add it on the Organisations page, or correct the name"));
                }
            }

            var details = new InterventionDetails(
                typeCode is null ? null : typeIds.GetValueOrDefault(typeCode), deliveredBy, partner,
                DateOf(row, "StartDate", problems), DateOf(row, "EndDate", problems), DecimalOf(row, "Hours", problems),
                EnumOf<InterventionOutcome>(row, "InterventionOutcome", problems), null,
                row.Get("QualificationTitle"), IntOf(row, "QualificationScqfLevel", problems), row.Get("QualificationAwardingBody"));
            if (problems.Count > 0 || !EngagementOf(row.Get(ImportFields.EngagementRef)!, problems, out var engagementId))
            {
                return default;
            }

            var engagement = await db.Engagements.AsNoTracking().Select(e => new { e.Id, e.StartDate, e.LepId }).SingleAsync(e => e.Id == engagementId, ct);
            var hash = Hash(row, K.Intervention);
            if (known.TryGetValue((K.Intervention, reference), out var existing))
            {
                if (existing.Hash == hash)
                {
                    return (Results.Unchanged, "");
                }

                var intervention = await db.Interventions.SingleAsync(i => i.Id == existing.EntityId, ct);
                problems.AddRange(intervention.Apply(details, engagement.StartDate, Today).Select(e => (FieldName(e.Field), e.Message)));
                if (problems.Count > 0)
                {
                    return default;
                }

                await SaveKnownAsync(K.Intervention, reference, intervention.Id, hash, existing, ct);
                return (Results.Update, "");
            }

            var created = new Intervention { EngagementId = engagement.Id, LepId = engagement.LepId, RecordedByUserId = userId, RecordedAt = Now };
            problems.AddRange(created.Apply(details, engagement.StartDate, Today).Select(e => (FieldName(e.Field), e.Message)));
            if (problems.Count > 0)
            {
                return default;
            }

            db.Interventions.Add(created);
            await SaveKnownAsync(K.Intervention, reference, created.Id, hash, null, ct);
            return (Results.Create, "");
        }

        async Task<(string, string)> OutcomeAsync(Row row, string reference, List<(string, string)> problems, CancellationToken ct)
        {
            RequireReferences(reference, row.Get(ImportFields.EngagementRef), problems);
            var details = new OutcomeDetails(
                EnumOf<OutcomeKind>(row, "OutcomeKind", problems), DateOf(row, "StartDate", problems), null, row.Get("Organisation"),
                row.Get("JobTitle"), row.Get("SocCode"), DecimalOf(row, "HoursPerWeek", problems), DecimalOf(row, "HourlyPay", problems),
                EnumOf<Domain.Employers.ContractType>(row, "Contract", problems), IntOf(row, "ContractMonths", problems), row.Get("Description"), null);
            var checks = Enum.GetValues<SustainmentPoint>().Select(p => (
                Point: p,
                Result: EnumOf<SustainmentResult>(row, $"Check{(int)p}Result", problems),
                Date: DateOf(row, $"Check{(int)p}Date", problems),
                Evidence: EnumOf<SustainmentEvidence>(row, $"Check{(int)p}Evidence", problems))).ToList();
            if (problems.Count > 0 || !EngagementOf(row.Get(ImportFields.EngagementRef)!, problems, out var engagementId))
            {
                return default;
            }

            var engagement = await db.Engagements.AsNoTracking().Select(e => new { e.Id, e.StartDate, e.LepId }).SingleAsync(e => e.Id == engagementId, ct);
            var hash = Hash(row, K.Outcome);
            Outcome outcome;
            string result;
            if (known.TryGetValue((K.Outcome, reference), out var existing))
            {
                if (existing.Hash == hash)
                {
                    return (Results.Unchanged, "");
                }

                outcome = await db.Outcomes.Include(o => o.Checks).SingleAsync(o => o.Id == existing.EntityId, ct);
                problems.AddRange(outcome.Change(details, engagement.StartDate, false, Today).Select(e => (FieldName(e.Field), e.Message)));
                result = Results.Update;
            }
            else
            {
                var (recorded, errors) = Domain.Outcomes.Outcome.Record(details, engagement.Id, engagement.LepId, engagement.StartDate, false, userId, Today, Now);
                problems.AddRange(errors.Select(e => (FieldName(e.Field), e.Message)));
                outcome = recorded!;
                result = Results.Create;
            }

            if (problems.Count > 0)
            {
                return default;
            }

            foreach (var (point, checkResult, date, evidence) in checks.Where(c => c.Result is not null || c.Date is not null || c.Evidence is not null))
            {
                var check = outcome.Checks.SingleOrDefault(c => c.Point == point);
                if (check is null)
                {
                    problems.Add(($"Check{(int)point}Result", "Only a job or self-employment has sustainment checks: leave the check columns empty for this outcome"));
                    continue;
                }

                if (!check.IsOutstanding)
                {
                    continue;
                }

                problems.AddRange(check.Record(checkResult, evidence, date, null, outcome.StartDate, userId, Today, Now)
                    .Select(e => ($"Check{(int)point}{(e.Field == "checkedOn" ? "Date" : Capitalise(e.Field))}", e.Message)));
                if (checkResult == SustainmentResult.NotSustained)
                {
                    foreach (var later in outcome.Checks.Where(c => c.Point > point && c.IsOutstanding))
                    {
                        later.NotNeeded = true;
                    }
                }
            }

            if (problems.Count > 0)
            {
                db.ChangeTracker.Clear();
                return default;
            }

            if (result == Results.Create)
            {
                db.Outcomes.Add(outcome);
            }

            await SaveKnownAsync(K.Outcome, reference, outcome.Id, hash, existing, ct);
            return (result, "");
        }

        bool EngagementOf(string reference, List<(string, string)> problems, out Guid engagementId)
        {
            engagementId = known.TryGetValue((K.Engagement, reference), out var engagement) ? engagement.EntityId : Guid.Empty;
            if (engagementId == Guid.Empty)
            {
                problems.Add((ImportFields.EngagementRef, $"No engagement with reference {reference} is in this file or an earlier import. Add its engagement row"));
                return false;
            }

            return true;
        }

        async Task SaveKnownAsync(ImportRecordKind kind, string reference, Guid entityId, string hash, Known? existing, CancellationToken ct)
        {
            if (existing is null)
            {
                var record = new ImportedRecord { LepId = lepId, Kind = kind, Reference = reference, EntityId = entityId, Hash = hash, ImportRunId = run.Id };
                db.ImportedRecords.Add(record);
                known[(kind, reference)] = new Known(record.Id, entityId, hash);
            }
            else
            {
                var record = await db.ImportedRecords.SingleAsync(r => r.Id == existing.RecordId, ct);
                record.Hash = hash;
                record.ImportRunId = run.Id;
                known[(kind, reference)] = existing with { Hash = hash };
            }

            await db.SaveChangesAsync(ct);
        }

        string Hash(Row row, ImportRecordKind kind, params string[] except)
        {
            var text = new StringBuilder();
            foreach (var field in fields.Where(f => f.Kinds.Contains(kind) && !except.Contains(f.Name)))
            {
                text.Append(field.Name).Append('=').Append(row.Get(field.Name)).Append('\u001f');
            }

            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }

        string? CodeOf(Row row, string field, List<(string, string)> problems)
        {
            if (row.Get(field) is not { } raw)
            {
                return null;
            }

            var code = mapping.Code(field, raw);
            if (code is null)
            {
                problems.Add((field, $"\"{raw}\" is not one of Nolb's values. Map it to one on the values step, or correct it in the file"));
            }

            return code;
        }

        T? EnumOf<T>(Row row, string field, List<(string, string)> problems) where T : struct, Enum =>
            CodeOf(row, field, problems) is { } code && Enum.TryParse<T>(code, out var value) && Enum.IsDefined(value) ? value : null;

        List<T> ListOf<T>(Row row, string field, List<(string, string)> problems) where T : struct, Enum
        {
            var list = new List<T>();
            foreach (var item in row.Get(field) is { } raw ? ImportMapping.Items(raw) : [])
            {
                if (mapping.Code(field, item) is { } code && Enum.TryParse<T>(code, out var value))
                {
                    list.Add(value);
                }
                else
                {
                    problems.Add((field, $"\"{item}\" is not one of Nolb's values. Map it to one on the values step, or correct it in the file"));
                }
            }

            return list;
        }

        LifeCircumstances CircumstancesOf(Row row, List<(string, string)> problems)
        {
            var circumstances = new LifeCircumstances();
            foreach (var item in row.Get("Circumstances") is { } raw ? ImportMapping.Items(raw) : [])
            {
                if (mapping.Code("Circumstances", item) is { } code && typeof(LifeCircumstances).GetProperty(code) is { } property)
                {
                    property.SetValue(circumstances, true);
                }
                else
                {
                    problems.Add(("Circumstances", $"\"{item}\" is not one of Nolb's circumstances. Map it on the values step, or correct it in the file"));
                }
            }

            return circumstances;
        }
    }

    private IEnumerable<Row> Rows(ImportRun run, ImportMapping mapping, Func<ReportLine, Task>? reportUnknownKind)
    {
        string[]? headers = null;
        Dictionary<string, int> indexes = [];
        foreach (var (number, cells) in ImportFile.Read(folder.UploadPath(run.Id, run.FileName), run.FileName))
        {
            if (headers is null)
            {
                headers = cells;
                indexes = mapping.Indexes(cells);
                continue;
            }

            string? Get(string field) =>
                indexes.TryGetValue(field, out var i) && i < cells.Length && cells[i].Trim() is { Length: > 0 } value ? value : null;

            K? kind = run.Holds;
            if (kind is null)
            {
                kind = Get(ImportFields.RecordType) is { } type && mapping.Code(ImportFields.RecordType, type) is { } code ? Enum.Parse<ImportRecordKind>(code) : null;
                if (kind is null)
                {
                    reportUnknownKind?.Invoke(new(number, "", "", Results.Refused, ImportFields.RecordType,
                        "Say what the row is: Person, Engagement, Stage, Intervention or Outcome")).GetAwaiter().GetResult();
                    continue;
                }
            }

            yield return new Row(number, kind.Value, Get);
        }
    }

    private static void RequireReferences(string reference, string? engagementOrPerson, List<(string, string)> problems)
    {
        if (reference.Length == 0)
        {
            problems.Add(("Reference", "Enter your reference for this record: it lets the file be imported again without making it twice"));
        }

        if (engagementOrPerson is null)
        {
            problems.Add(("Reference", "Enter the reference of the person or engagement this row belongs to"));
        }
    }

    private static DateOnly? DateOf(Row row, string field, List<(string, string)> problems)
    {
        if (row.Get(field) is not { } raw)
        {
            return null;
        }

        var date = ImportMapping.Date(raw);
        if (date is null)
        {
            problems.Add((field, $"\"{raw}\" is not a date. Write dates day first, like 31/03/2025, or as 2025-03-31"));
        }

        return date;
    }

    private static int? IntOf(Row row, string field, List<(string, string)> problems)
    {
        if (row.Get(field) is not { } raw)
        {
            return null;
        }

        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add((field, $"\"{raw}\" is not a whole number"));
        return null;
    }

    private static decimal? DecimalOf(Row row, string field, List<(string, string)> problems)
    {
        if (row.Get(field) is not { } raw)
        {
            return null;
        }

        if (decimal.TryParse(raw.TrimStart('£'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add((field, $"\"{raw}\" is not a number. Write it like 12.60"));
        return null;
    }

    private static readonly Dictionary<string, string> DomainFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TypeId"] = ImportFields.InterventionType,
        ["Outcome"] = "InterventionOutcome",
        ["PartnerOrganisationId"] = "PartnerOrganisation",
        ["kind"] = "OutcomeKind",
        ["employerId"] = "Organisation",
        ["organisationName"] = "Organisation",
        ["date"] = "StartDate",
        ["reason"] = "Reason",
        ["EmploymentStatusAtStart"] = "EmploymentStatus",
        ["BenefitsAtStart"] = "Benefits",
        ["keyWorkerId"] = "KeyWorkerEmail",
        ["fundingStreams"] = "FundingStreams",
    };

    /// <summary>The template's column for a field the domain names in its own words.</summary>
    private static string FieldName(string? domainField)
    {
        if (string.IsNullOrEmpty(domainField))
        {
            return "";
        }

        var field = domainField.StartsWith("Equality.", StringComparison.Ordinal) ? domainField["Equality.".Length..] : domainField;
        return DomainFields.TryGetValue(field, out var mapped) ? mapped : Capitalise(field);
    }

    private static string Capitalise(string field) => field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..];

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;

    private async Task RecordAsync(Guid runId, Action<ImportRun> change, CancellationToken ct)
    {
        var run = await db.ImportRuns.SingleAsync(r => r.Id == runId, ct);
        change(run);
        await db.SaveChangesAsync(ct);
    }
}

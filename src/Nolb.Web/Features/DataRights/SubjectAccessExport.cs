using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Appointments;
using Nolb.Web.Domain.Interventions;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Features.Me;
using Nolb.Web.Features.Participants;
using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.DataRights;

/// <summary>
/// Everything Nolb holds about one person (UK GDPR article 15), as a zip of a JSON file for machines and a PDF for
/// people. For an administrator it holds every case note, with the notes and passages they chose withheld or blacked
/// out to protect other people; the person's own copy (from <c>/Me/Data</c>) leaves out case notes and the other free
/// text staff wrote, as the person's own view already does, because nobody has reviewed them for other people's
/// details — the administrator's route releases those. Each kind of record is one set-based query, so a record with
/// thousands of notes and views is produced in seconds; the zip is written to a temporary file, not held in memory.
/// </summary>
public sealed class SubjectAccessExport(NolbDbContext db, TimeProvider clock)
{
    public const string Redacted = "[redacted]";

    public enum Audience
    {
        Administrator,
        Person,
    }

    public sealed record Redactions(IReadOnlyCollection<Guid> NoteIds, IReadOnlyList<string> Passages)
    {
        public static Redactions None { get; } = new([], []);
    }

    public sealed record PersonRow(
        string Reference, string GivenName, string FamilyName, string? PreferredName, DateOnly DateOfBirth, string? NationalInsuranceNumber,
        string? Email, string? Phone, string? Address, string? Postcode, ContactMethod PreferredContact, EmploymentStatus EmploymentStatusAtStart,
        IReadOnlyList<Benefit> BenefitsAtStart, int? HighestScqfLevel, EqualityMonitoring Equality, LifeCircumstances Circumstances,
        string Lep, DateTime RegisteredAt);

    public sealed record ConsentRow(ConsentKind Kind, string? Organisation, DateOnly GivenOn, DateOnly? WithdrawnOn);

    public sealed record StageRow(PipelineStage Stage, DateOnly Date, string? Reason, string RecordedBy);

    public sealed record EngagementRow(
        Guid Id, DateOnly StartDate, DateOnly? LeftOn, LeavingReason? LeavingReason, ReferralSource ReferralSource,
        IReadOnlyList<FundingStream> FundingStreams, PipelineStage CurrentStage, string KeyWorker, IReadOnlyList<StageRow> Stages);

    public sealed record AssessmentRow(DateOnly AssessedOn, IReadOnlyDictionary<string, int> Scores, string? Strengths, string? Aspirations);

    public sealed record PlanRow(string Goal, string Action, Domain.ActionPlans.ActionOwner Owner, DateOnly? DueDate, Domain.ActionPlans.ActionStatus Status, DateOnly? ClosedOn);

    public sealed record InterventionRow(
        string Type, DateOnly StartDate, DateOnly? EndDate, decimal? Hours, InterventionOutcome Outcome, string? Qualification, int? ScqfLevel, string? Notes);

    public sealed record NoteRow(Guid Id, DateOnly Date, string Author, bool Sensitive, string Text, bool Withheld);

    public sealed record AppointmentRow(DateTime StartsAt, int DurationMinutes, AppointmentChannel Channel, string? Place, string WithWhom, string? Purpose, Attendance? Attendance);

    public sealed record ReferralRow(
        string Service, ReferralDirection Direction, DateTime SentAt, ReferralStatus Status, string? Reason, SharedDetails SharedDetails,
        string? DeclineNote, string? OutcomeNote);

    public sealed record CheckRow(SustainmentPoint Point, DateOnly DueDate, SustainmentResult? Result, DateOnly? CheckedOn, string? Notes);

    public sealed record OutcomeRow(
        OutcomeKind Kind, DateOnly StartDate, string? JobTitle, string? Where, decimal? HoursPerWeek, decimal? HourlyPay, string? Description,
        IReadOnlyList<CheckRow> Checks);

    public sealed record ChangeRow(DateTime ChangedAt, string ChangedBy, string Field, string? OldValue, string? NewValue, string? Reason);

    public sealed record AccessRow(DateTime At, string Who, string Action, string? What);

    public sealed record SubjectAccessData(
        DateTime CreatedAt, Audience For, IReadOnlyList<string> AboutThisCopy, PersonRow Person, IReadOnlyList<ConsentRow> Consents,
        IReadOnlyList<EngagementRow> Engagements, IReadOnlyList<AssessmentRow> Assessments, IReadOnlyList<PlanRow> Plan,
        IReadOnlyList<InterventionRow> Interventions, IReadOnlyList<NoteRow> CaseNotes, IReadOnlyList<AppointmentRow> Appointments,
        IReadOnlyList<ReferralRow> Referrals, IReadOnlyList<OutcomeRow> Outcomes, IReadOnlyList<ChangeRow> ChangesToDetails,
        IReadOnlyList<AccessRow> WhoSawOrChangedTheRecord);

    public async Task<SubjectAccessData> BuildAsync(Guid participantId, Audience audience, Redactions redactions, CancellationToken ct)
    {
        var staff = audience == Audience.Administrator;
        string? StaffText(string? text) => staff ? text : null;

        var p = await db.Participants.AsNoTracking().Include(x => x.Lep)
            .Include(x => x.Consents).ThenInclude(c => c.Organisation)
            .Include(x => x.Engagements).ThenInclude(e => e.StageMoves)
            .AsSplitQuery()
            .SingleAsync(x => x.Id == participantId, ct);
        var engagementIds = p.Engagements.Select(e => e.Id).ToList();
        var names = await db.Users.AsNoTracking()
            .Where(u => u.LepId == p.LepId || u.LepId == null || db.Engagements.Any(e => e.ParticipantId == participantId && e.LepId == u.LepId))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string Name(Guid? id) => id is { } v && names.TryGetValue(v, out var n) ? n : "Not recorded";

        var assessments = (await db.NeedsAssessments.AsNoTracking().Include(a => a.Scores)
                .Where(a => engagementIds.Contains(a.EngagementId)).OrderBy(a => a.AssessedOn).ToListAsync(ct))
            .Select(a => new AssessmentRow(a.AssessedOn, a.Scores.ToDictionary(s => s.Domain.ToString(), s => s.Score), a.Strengths, a.Aspirations))
            .ToList();
        var plan = await db.ActionPlanItems.AsNoTracking()
            .Where(i => db.ActionPlans.Any(x => x.Id == i.ActionPlanId && engagementIds.Contains(x.EngagementId)))
            .OrderBy(i => i.CreatedAt)
            .Select(i => new PlanRow(i.Goal, i.Action, i.Owner, i.DueDate, i.Status, i.ClosedOn)).ToListAsync(ct);
        var interventions = (await db.Interventions.AsNoTracking()
                .Where(i => engagementIds.Contains(i.EngagementId)).OrderBy(i => i.StartDate)
                .Select(i => new { Type = i.Type!.Name, i.StartDate, i.EndDate, i.Hours, i.Outcome, i.QualificationTitle, i.QualificationScqfLevel, i.Notes })
                .ToListAsync(ct))
            .Select(i => new InterventionRow(i.Type, i.StartDate, i.EndDate, i.Hours, i.Outcome, i.QualificationTitle, i.QualificationScqfLevel, StaffText(i.Notes)))
            .ToList();
        var notes = staff
            ? (await db.CaseNotes.AsNoTracking().Where(n => engagementIds.Contains(n.EngagementId)).OrderBy(n => n.Date).ThenBy(n => n.CreatedAt)
                    .Select(n => new { n.Id, n.Date, n.AuthorUserId, n.Sensitivity, n.Text }).ToListAsync(ct))
                .Select(n => redactions.NoteIds.Contains(n.Id)
                    ? new NoteRow(n.Id, n.Date, Name(n.AuthorUserId), n.Sensitivity is not null, Redacted, true)
                    : new NoteRow(n.Id, n.Date, Name(n.AuthorUserId), n.Sensitivity is not null, BlackOut(n.Text, redactions.Passages), false))
                .ToList()
            : [];
        var appointments = await db.Appointments.AsNoTracking().Where(a => engagementIds.Contains(a.EngagementId)).OrderBy(a => a.StartsAt)
            .Select(a => new AppointmentRow(a.StartsAt, a.DurationMinutes, a.Channel, a.Place, a.WithWhom, a.Purpose, a.Attendance)).ToListAsync(ct);
        var referrals = (await (from r in db.Referrals.AsNoTracking()
                                where r.ParticipantId == participantId
                                join s in db.DirectoryServices on r.ServiceId equals s.Id into services
                                from s in services.DefaultIfEmpty()
                                orderby r.SentAt
                                select new { Service = s == null ? null : s.Name, r.Direction, r.SentAt, r.Status, r.Reason, r.Shared, r.DeclineNote, r.OutcomeNote })
                .ToListAsync(ct))
            .Select(r => new ReferralRow(r.Service ?? "Referral into the partnership", r.Direction, r.SentAt, r.Status, StaffText(r.Reason), r.Shared,
                StaffText(r.DeclineNote), StaffText(r.OutcomeNote)))
            .ToList();
        var outcomes = (await db.Outcomes.AsNoTracking().Include(o => o.Checks).Include(o => o.Employer)
                .Where(o => engagementIds.Contains(o.EngagementId)).OrderBy(o => o.StartDate).ToListAsync(ct))
            .Select(o => new OutcomeRow(o.Kind, o.StartDate, o.JobTitle, o.Employer?.Name ?? o.OrganisationName, o.HoursPerWeek, o.HourlyPay, o.Description,
                o.Checks.OrderBy(c => c.DueDate).Select(c => new CheckRow(c.Point, c.DueDate, c.Result, c.CheckedOn, StaffText(c.Notes))).ToList()))
            .ToList();
        var changes = (await db.ParticipantChanges.AsNoTracking().Where(c => c.ParticipantId == participantId).OrderBy(c => c.ChangedAt).ToListAsync(ct))
            .Select(c => new ChangeRow(c.ChangedAt, Name(c.ChangedByUserId), c.Field, c.OldValue, c.NewValue, c.Reason)).ToList();
        var recordIds = engagementIds.Select(id => id.ToString()).Append(participantId.ToString()).ToList();
        var access = (await db.AuditEntries.AsNoTracking().Where(a => a.EntityId != null && recordIds.Contains(a.EntityId)).OrderBy(a => a.Id)
                .Select(a => new { a.OccurredAt, a.ActorUserId, a.ActorEmail, a.Action, a.EntityType }).ToListAsync(ct))
            .Select(a => new AccessRow(a.OccurredAt, a.ActorUserId is { } id && names.TryGetValue(id, out var n) ? n : a.ActorEmail ?? "Nolb itself",
                a.Action.ToString(), a.EntityType))
            .ToList();

        return new SubjectAccessData(
            clock.GetUtcNow().UtcDateTime,
            audience,
            About(audience, redactions),
            new PersonRow(p.Reference, p.GivenName, p.FamilyName, p.PreferredName, p.DateOfBirth, p.NationalInsuranceNumber, p.Email, p.Phone,
                p.AddressLine, p.Postcode, p.PreferredContact, p.EmploymentStatusAtStart, p.BenefitsAtStart, p.HighestScqfLevel, p.Equality, p.Circumstances,
                p.Lep?.Name ?? "", p.CreatedAt),
            p.Consents.OrderBy(c => c.GivenOn).Select(c => new ConsentRow(c.Kind, c.Organisation?.Name, c.GivenOn, c.WithdrawnOn)).ToList(),
            p.Engagements.OrderBy(e => e.StartDate).Select(e => new EngagementRow(e.Id, e.StartDate, e.LeftOn, e.LeavingReason, e.ReferralSource,
                e.FundingStreams, e.CurrentStage, Name(e.KeyWorkerId),
                e.StageMoves.OrderBy(m => m.Date).ThenBy(m => m.RecordedAt).Select(m => new StageRow(m.Stage, m.Date, StaffText(m.Reason), Name(m.RecordedByUserId))).ToList()))
                .ToList(),
            assessments, plan, interventions, notes, appointments, referrals, outcomes, changes, access);
    }

    private static IReadOnlyList<string> About(Audience audience, Redactions redactions) => audience == Audience.Person
        ?
        [
            "This is a copy of the information we hold about you.",
            "Case notes and other notes written by staff are not in this copy, because they may mention other people. To get them, ask us for a subject access request: an administrator checks them and sends you everything.",
        ]
        :
        [
            "A copy of all the information held about this person in Nolb, made for a subject access request.",
            redactions.NoteIds.Count == 0 && redactions.Passages.Count == 0
                ? "Nothing has been withheld."
                : $"{redactions.NoteIds.Count} case note(s) were withheld and {redactions.Passages.Count} passage(s) blacked out where they appear, to protect other people. They show as {Redacted}.",
        ];

    private static string BlackOut(string text, IReadOnlyList<string> passages) =>
        passages.Aggregate(text, (current, passage) =>
            Regex.Replace(current, Regex.Escape(passage), Redacted, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    /// <summary>Writes the zip (the JSON, the PDF and a short read-me) to <paramref name="output"/>.</summary>
    public static void WriteZip(SubjectAccessData data, Stream output)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        using (var json = zip.CreateEntry("information.json", CompressionLevel.Optimal).Open())
        {
            JsonSerializer.Serialize(json, data, OwnDataExport.Json);
        }

        using (var pdf = zip.CreateEntry("information.pdf", CompressionLevel.Optimal).Open())
        {
            var bytes = ToPdf(data);
            pdf.Write(bytes, 0, bytes.Length);
        }

        using var readMe = new StreamWriter(zip.CreateEntry("read-me.txt").Open());
        readMe.WriteLine("information.pdf is the information to read or print; information.json is the same information as data, for another service.");
        foreach (var line in data.AboutThisCopy)
        {
            readMe.WriteLine(line);
        }
    }

    /// <summary>A temporary file holding the zip, deleted when the stream is closed (after the download is sent).</summary>
    public static Stream ZipToTemporaryFile(SubjectAccessData data)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        WriteZip(data, file);
        file.Position = 0;
        return file;
    }

    public static string FileName(SubjectAccessData data) =>
        $"information-{data.Person.Reference}-{data.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.zip";

    public static byte[] ToPdf(SubjectAccessData d)
    {
        var pdf = new SimplePdf("Information held");
        pdf.Heading(d.For == Audience.Person ? "Your information" : "Information held about this person", 18);
        pdf.Paragraph($"Made on {UkTime.Format(d.CreatedAt)}. " + string.Join(" ", d.AboutThisCopy), 9);
        pdf.Rule();

        var a = d.Person;
        pdf.Heading("Details", 13);
        OwnDataExport.Line(pdf, "Reference", a.Reference);
        OwnDataExport.Line(pdf, "Name", $"{a.GivenName} {a.FamilyName}");
        OwnDataExport.Line(pdf, "Preferred name", a.PreferredName);
        OwnDataExport.Line(pdf, "Date of birth", Date(a.DateOfBirth));
        OwnDataExport.Line(pdf, "National Insurance number", a.NationalInsuranceNumber);
        OwnDataExport.Line(pdf, "Email", a.Email);
        OwnDataExport.Line(pdf, "Phone", a.Phone);
        OwnDataExport.Line(pdf, "Address", string.Join(", ", new[] { a.Address, a.Postcode }.Where(x => x is not null)));
        OwnDataExport.Line(pdf, "Preferred contact", a.PreferredContact.Label());
        OwnDataExport.Line(pdf, "Work at the start", a.EmploymentStatusAtStart.Label());
        OwnDataExport.Line(pdf, "Benefits at the start", a.BenefitsAtStart.Count == 0 ? "None" : string.Join(", ", a.BenefitsAtStart.Select(b => b.Label())));
        OwnDataExport.Line(pdf, "Highest qualification", ParticipantLabels.ScqfLabel(a.HighestScqfLevel));
        OwnDataExport.Line(pdf, "Partnership", a.Lep);
        OwnDataExport.Line(pdf, "Registered", UkTime.Format(a.RegisteredAt));
        var e = a.Equality;
        OwnDataExport.Line(pdf, "Equality monitoring", string.Join("; ", new[]
        {
            $"sex: {e.Sex?.Label() ?? "not answered"}", $"trans status or history: {e.TransStatus?.Label() ?? "not answered"}",
            $"ethnic group: {e.Ethnicity?.Label() ?? "not answered"}", $"disabled: {e.Disabled?.Label() ?? "not answered"}",
            $"long-term health condition: {e.LongTermHealthCondition?.Label() ?? "not answered"}", $"religion: {e.Religion?.Label() ?? "not answered"}",
            $"sexual orientation: {e.SexualOrientation?.Label() ?? "not answered"}",
        }));

        OwnDataExport.Section(pdf, "Consent", d.Consents, c =>
            $"{c.Kind.Label()}{(c.Organisation is null ? "" : $" ({c.Organisation})")}: given {Date(c.GivenOn)}" + (c.WithdrawnOn is { } w ? $", withdrawn {Date(w)}" : ""));
        OwnDataExport.Section(pdf, "Periods of support", d.Engagements, x =>
            $"From {Date(x.StartDate)}" + (x.LeftOn is { } left ? $" to {Date(left)} ({x.LeavingReason?.Label()})" : ", still open")
            + $"; referred by {x.ReferralSource.Label()}; funding: {string.Join(", ", x.FundingStreams.Select(f => f.Label()))}; key worker {x.KeyWorker}. Stages: "
            + string.Join("; ", x.Stages.Select(s => $"{s.Stage.Label()} from {Date(s.Date)}{(s.Reason is null ? "" : $" ({s.Reason})")}, by {s.RecordedBy}")));
        OwnDataExport.Section(pdf, "Needs assessments", d.Assessments, x =>
            $"{Date(x.AssessedOn)}: " + string.Join(", ", x.Scores.Select(s => $"{s.Key} {s.Value}"))
            + (x.Strengths is null ? "" : $". Strengths: {x.Strengths}") + (x.Aspirations is null ? "" : $". Aspirations: {x.Aspirations}"));
        OwnDataExport.Section(pdf, "Action plan", d.Plan, x =>
            $"{x.Goal}. Action: {x.Action} ({x.Owner}, {x.Status}" + (x.DueDate is { } due ? $", due {Date(due)}" : "") + ")");
        OwnDataExport.Section(pdf, "Interventions", d.Interventions, x =>
            $"{x.Type} from {Date(x.StartDate)}" + (x.EndDate is { } end ? $" to {Date(end)}" : "") + $", {x.Outcome}"
            + (x.Qualification is null ? "" : $", qualification {x.Qualification}") + (x.Notes is null ? "" : $". {x.Notes}"));
        if (d.For == Audience.Administrator)
        {
            OwnDataExport.Section(pdf, "Case notes", d.CaseNotes, x =>
                $"{Date(x.Date)}, {x.Author}{(x.Sensitive ? " (sensitive)" : "")}: {x.Text}");
        }

        OwnDataExport.Section(pdf, "Appointments", d.Appointments, x =>
            $"{UkTime.Format(x.StartsAt)}, {x.DurationMinutes} minutes, {x.Channel} with {x.WithWhom}" + (x.Place is null ? "" : $" at {x.Place}")
            + (x.Purpose is null ? "" : $": {x.Purpose}") + (x.Attendance is { } att ? $" ({att})" : ""));
        OwnDataExport.Section(pdf, "Referrals", d.Referrals, x =>
            $"{x.Service}, sent {UkTime.Format(x.SentAt)}, {x.Status}" + (x.Reason is null ? "" : $". Reason: {x.Reason}")
            + (x.SharedDetails.IsEmpty ? ". No personal details were shared" : ". Details shared: " + string.Join(", ",
                new[] { x.SharedDetails.Name, x.SharedDetails.DateOfBirth is { } dob ? Date(dob) : null, x.SharedDetails.Phone, x.SharedDetails.Email, x.SharedDetails.Address, x.SharedDetails.Postcode }
                    .Where(v => v is not null)))
            + (x.DeclineNote is null ? "" : $". Declined: {x.DeclineNote}") + (x.OutcomeNote is null ? "" : $". Outcome: {x.OutcomeNote}"));
        OwnDataExport.Section(pdf, "Outcomes", d.Outcomes, x =>
            $"{x.Kind.Plain()}{(x.JobTitle is null ? "" : $": {x.JobTitle}")}{(x.Where is null ? "" : $" at {x.Where}")}, from {Date(x.StartDate)}"
            + (x.HoursPerWeek is { } h ? $", {h.ToString("0.##", CultureInfo.InvariantCulture)} hours a week" : "")
            + (x.HourlyPay is { } pay ? $", £{pay.ToString("0.00", CultureInfo.InvariantCulture)} an hour" : "")
            + string.Concat(x.Checks.Select(c => $". {c.Point} check due {Date(c.DueDate)}: {c.Result?.ToString() ?? "not yet done"}")));
        OwnDataExport.Section(pdf, "Corrections to the details", d.ChangesToDetails, x =>
            $"{UkTime.Format(x.ChangedAt)}, {x.ChangedBy}: {x.Field} was \"{x.OldValue}\", now \"{x.NewValue}\"" + (x.Reason is null ? "" : $" ({x.Reason})"));
        OwnDataExport.Section(pdf, "Who saw or changed the record", d.WhoSawOrChangedTheRecord, x =>
            $"{UkTime.Format(x.At)}: {x.Who}, {x.Action}" + (x.What is null ? "" : $" ({x.What})"));
        return pdf.ToBytes();
    }

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

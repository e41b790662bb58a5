using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolb.Tests.Features.Employers;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Incentives;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;
using static Nolb.Tests.Features.Participants.ParticipantApiClient;

namespace Nolb.Tests.Security;

/// <summary>
/// The demo world (every role in Glasgow and in Fife, their cases, notes, referrals and directory) plus the
/// records the demo does not make (employers, vacancies, placements, incentives, plan items, outcomes), so
/// every route of the matrix has a real record of the user's own LEP and one of another LEP.
/// </summary>
public sealed class AuthorizationMatrixFactory : NolbAppFactory
{
    public const string OwnLep = Glasgow;
    public const string OtherLep = Fife;

    private readonly SemaphoreSlim gate = new(1, 1);
    private MatrixWorld? world;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Nolb:Demo"] = "true",
        ["Nolb:Returns:PseudonymisationKey"] = "a-matrix-test-key-of-at-least-32-characters",
    };

    public static string EmailOf(Role role, string lepCode = OwnLep) => role.RequiresLep()
        ? $"{DemoData.Slug(role)}@{(lepCode == Glasgow ? "glasgow" : "fife")}.{DemoData.EmailDomain}"
        : $"{DemoData.Slug(role)}@{DemoData.EmailDomain}";

    public async Task<MatrixWorld> WorldAsync()
    {
        await gate.WaitAsync();
        try
        {
            return world ??= new MatrixWorld(await RecordsOfAsync(OwnLep), await RecordsOfAsync(OtherLep));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>One record of every kind a route can name, all belonging to <paramref name="lepCode"/>.</summary>
    private async Task<Dictionary<string, string>> RecordsOfAsync(string lepCode)
    {
        var lepId = await this.LepIdAsync(lepCode);
        var keyWorkerEmail = EmailOf(Role.KeyWorker, lepCode);
        var keyWorkerId = await WithDbAsync(db => db.Users.Where(u => u.Email == keyWorkerEmail).Select(u => u.Id).SingleAsync());

        // A demo case of the LEP's key worker that has a note, an intervention and an appointment.
        var engagement = await WithDbAsync(async db =>
        {
            var open = await db.Engagements.Where(e => e.LepId == lepId && e.LeftOn == null && e.KeyWorkerId == keyWorkerId)
                .Select(e => new { e.Id, e.ParticipantId }).ToListAsync();
            var withNotes = await db.CaseNotes.Where(n => n.LepId == lepId && n.Sensitivity == null).Select(n => n.EngagementId).ToListAsync();
            var withInterventions = await db.Interventions.Where(i => i.LepId == lepId).Select(i => i.EngagementId).ToListAsync();
            var withAppointments = await db.Appointments.Where(a => a.LepId == lepId).Select(a => a.EngagementId).ToListAsync();
            return open.First(e => withNotes.Contains(e.Id) && withInterventions.Contains(e.Id) && withAppointments.Contains(e.Id));
        });
        var records = new Dictionary<string, string>
        {
            ["participant"] = engagement.ParticipantId.ToString(),
            ["engagement"] = engagement.Id.ToString(),
            ["consent"] = await IdAsync(db => db.Consents.Where(c => c.ParticipantId == engagement.ParticipantId).Select(c => c.Id)),
            ["note"] = await IdAsync(db => db.CaseNotes.Where(n => n.EngagementId == engagement.Id && n.Sensitivity == null).Select(n => n.Id)),
            ["intervention"] = await IdAsync(db => db.Interventions.Where(i => i.EngagementId == engagement.Id).Select(i => i.Id)),
            ["appointment"] = await IdAsync(db => db.Appointments.Where(a => a.EngagementId == engagement.Id).Select(a => a.Id)),
            ["referral"] = await IdAsync(db => db.Referrals.Where(r => r.LepId == lepId).OrderBy(r => r.SentAt).Select(r => r.Id)),
            ["service"] = await IdAsync(db => db.DirectoryServices.Where(s => s.LepId == lepId).OrderBy(s => s.Name).Select(s => s.Id)),
            ["organisation"] = await IdAsync(db => db.Organisations.Where(o => o.LepId == lepId).OrderBy(o => o.Name).Select(o => o.Id)),
            ["user"] = keyWorkerId.ToString(),
            ["payment"] = Guid.NewGuid().ToString(),
            ["lep"] = lepCode,
            ["year"] = IncentiveScheme.FinancialYearOf(Today).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        records["importrun"] = await ImportRunAsync(lepCode, lepId);

        using var worker = await ApiClientAsync(keyWorkerEmail, DemoData.Password);
        using var officer = await ApiClientAsync(EmailOf(Role.EmployerEngagementOfficer, lepCode), DemoData.Password);
        var item = await (await worker.PostAsJsonAsync($"/api/v1/engagements/{engagement.Id}/action-plan/items", new
        {
            goal = "Get a job in a kitchen",
            action = "Ask about a food hygiene course",
            owner = "Participant",
            dueDate = Today.AddDays(14).Iso(),
        })).OkJsonAsync(HttpStatusCode.Created);
        records["item"] = item.GetProperty("id").GetString()!;
        records["myitem"] = await OwnPlanItemOfParticipantAsync(lepCode);

        var employer = await this.EmployerAsync(lepCode);
        records["employer"] = employer.Id.ToString();
        var vacancy = await (await officer.PostAsJsonAsync("/api/v1/vacancies", new
        {
            employerId = employer.Id,
            title = "Kitchen assistant",
            socCode = "9263",
            postcode = "G31 2AB",
            hoursPerWeek = 20,
            hourlyPay = 12.60m,
            contract = "Permanent",
            closingDate = Today.AddDays(14).Iso(),
        })).OkJsonAsync(HttpStatusCode.Created);
        records["vacancy"] = vacancy.GetProperty("id").GetString()!;

        var reference = await WithDbAsync(db => db.Participants.Where(p => p.Id == engagement.ParticipantId).Select(p => p.Reference).SingleAsync());
        var placement = await (await officer.PostAsJsonAsync("/api/v1/placements", new
        {
            participantReference = reference,
            employerId = employer.Id,
            kind = "WorkExperience",
            startDate = Today.Iso(),
            endDate = Today.AddDays(14).Iso(),
            hoursPerWeek = 16,
        })).OkJsonAsync(HttpStatusCode.Created);
        records["placement"] = placement.GetProperty("id").GetString()!;

        using var manager = await ApiClientAsync(EmailOf(Role.LepManager, lepCode), DemoData.Password);
        var scheme = await manager.PutAsJsonAsync($"/api/v1/incentives/schemes/{records["year"]}", new
        {
            minimumHourlyPay = 12.60m,
            minimumHoursPerWeek = 16,
            minimumContractMonths = 12,
            paymentAtStart = 500,
            paymentAt13Weeks = 1000,
            paymentAt26Weeks = 1500,
        });
        Assert.Equal(HttpStatusCode.OK, scheme.StatusCode);
        var incentive = await (await officer.PostAsJsonAsync("/api/v1/incentives", new
        {
            participantReference = reference,
            employerId = employer.Id,
            jobTitle = "Kitchen assistant",
            startDate = Today.AddDays(-10).Iso(),
            hourlyPay = 13.00m,
            hoursPerWeek = 20,
            contract = "Permanent",
            noDisplacementConfirmed = true,
        })).OkJsonAsync(HttpStatusCode.Created);
        records["incentive"] = incentive.GetProperty("id").GetString()!;

        var outcome = await (await worker.PostAsJsonAsync($"/api/v1/engagements/{engagement.Id}/outcomes", new
        {
            kind = "JobEntry",
            startDate = Today.AddDays(-3).Iso(),
            employerId = employer.Id,
            jobTitle = "Kitchen assistant",
            socCode = "9263",
            hoursPerWeek = 20,
            hourlyPay = 12.60m,
            contract = "Permanent",
            moveToStage5 = false,
        })).OkJsonAsync(HttpStatusCode.Created);
        records["check"] = outcome.GetProperty("outcome").GetProperty("sustainmentChecks")[0].GetProperty("id").GetString()!;
        await PlanningRecordsAsync(lepCode, lepId, manager, records);
        records["quarter"] = await PublishedQuarterAsync();
        records["draft"] = await WithdrawnDraftAsync();
        records["outcome"] = outcome.GetProperty("outcome").GetProperty("id").GetString()!;
        foreach (var (name, id) in await ImprovementRecordsAsync(lepCode, lepId))
        {
            records[name] = id;
        }

        return records;
    }

    /// <summary>
    /// Delivery-plan and commissioning records: an approved plan (so a bodiless workflow call by an allowed user is refused
    /// by the plan's state and writes nothing) with an Annex 2 row, a member and a governance link; a draft plan (revising one
    /// is refused); the demo contract of the matrix partner worker's organisation, and one of the LEP's allocations.
    /// </summary>
    private async Task PlanningRecordsAsync(string lepCode, Guid lepId, HttpClient manager, Dictionary<string, string> records)
    {
        var plan = (await (await manager.PostAsJsonAsync("/api/v1/plans", new { title = "Matrix plan", kind = "DeliveryPlan", periodStart = "2025-04-01", periodEnd = "2028-03-31" }))
            .OkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var row = await (await manager.PostAsJsonAsync($"/api/v1/plans/{plan}/annex2", new
        {
            targetGroup = "Parents",
            rationale = "Child poverty",
            deliveryPartnerIds = Array.Empty<Guid>(),
            budget = 1000m,
            sourcesOfInvestment = NolbStream,
            volumes = 10,
            deliveryMethod = "Grant",
            outcomeExpected = "5 into work",
        })).OkJsonAsync(HttpStatusCode.Created);
        var etag = (await manager.GetAsync($"/api/v1/plans/{plan}")).Headers.ETag!.Tag;
        var withMember = await manager.PostAsync($"/api/v1/plans/{plan}/members", new { organisationId = Guid.Parse(records["organisation"]), role = "Member" }, etag);
        var withLink = await manager.PostAsync($"/api/v1/plans/{plan}/governance", new { groupName = "Community Planning Partnership", kind = "ReportsTo" }, withMember.Headers.ETag!.Tag);
        var body = (await withLink.OkJsonAsync()).GetProperty("plan");
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync($"/api/v1/plans/{plan}/submit", null)).StatusCode);
        using var approver = await ApiClientAsync((await CreateUserAsync(Role.LepManager, lepCode)).Email!);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"/api/v1/plans/{plan}/approve", null)).StatusCode);
        records["plan"] = plan.ToString();
        records["row"] = row.GetProperty("id").GetString()!;
        records["member"] = body.GetProperty("members")[0].GetProperty("id").GetString()!;
        records["link"] = body.GetProperty("governance")[0].GetProperty("id").GetString()!;
        records["draftplan"] = (await (await manager.PostAsJsonAsync("/api/v1/plans", new { title = "Matrix draft", kind = "DeliveryPlan", periodStart = "2025-04-01", periodEnd = "2028-03-31" }))
            .OkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

        var partnerEmail = EmailOf(Role.PartnerWorker, lepCode);
        var partnerOrganisation = await WithDbAsync(db => db.Users.Where(u => u.Email == partnerEmail).Select(u => u.OrganisationId!.Value).SingleAsync());
        records["contract"] = await IdAsync(db => db.DeliveryContracts.Where(c => c.LepId == lepId && c.PartnerOrganisationId == partnerOrganisation).Select(c => c.Id));
        records["allocation"] = await IdAsync(db => db.FundingAllocations.Where(a => a.LepId == lepId).Select(a => a.Id));
    }

    private static readonly string[] NolbStream = ["NoOneLeftBehind"];

    /// <summary>An action the LEP's demo participant owns on their own open case, added by the team leader, for the participant's own routes.</summary>
    private async Task<string> OwnPlanItemOfParticipantAsync(string lepCode)
    {
        var participantEmail = EmailOf(Role.Participant, lepCode);
        var engagementId = await WithDbAsync(db => db.Engagements
            .Where(e => e.LeftOn == null && db.Users.Any(u => u.Email == participantEmail && u.ParticipantId == e.ParticipantId))
            .Select(e => e.Id).SingleAsync());
        using var leader = await ApiClientAsync(EmailOf(Role.TeamLeader, lepCode), DemoData.Password);
        var item = await (await leader.PostAsJsonAsync($"/api/v1/engagements/{engagementId}/action-plan/items", new
        {
            goal = "Work in a garden centre",
            action = "Visit the garden centre on Saturday",
            owner = "Participant",
            dueDate = Today.AddDays(7).Iso(),
        })).OkJsonAsync(HttpStatusCode.Created);
        return item.GetProperty("id").GetString()!;
    }



    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>A published quarter of national tables (national, so the same for both LEPs): one empty table set.</summary>
    private async Task<string> PublishedQuarterAsync()
    {
        const string quarter = "2020-Q1";
        await WithDbAsync(async db =>
        {
            if (!await db.StatisticsPublications.AnyAsync(p => p.Quarter == quarter))
            {
                var period = new Web.Features.Measurement.PeriodDto(quarter, "January to March 2020", new DateOnly(2020, 1, 1), new DateOnly(2020, 3, 31), false);
                db.StatisticsPublications.Add(new Web.Domain.Measurement.StatisticsPublication
                {
                    Quarter = quarter,
                    Number = 1,
                    PublishedAt = DateTime.UtcNow,
                    PublishedBy = "Matrix analyst",
                    Tables = System.Text.Json.JsonSerializer.Serialize(new Web.Features.Measurement.NationalStatistics(period, "Counts of 1 to 4 are [c].", []), WebJson),
                });
            }

            return await db.SaveChangesAsync();
        });
        return quarter;
    }


    /// <summary>A withdrawn draft of a publication (national, so the same for both LEPs): it can be read, but not approved.</summary>
    private Task<string> WithdrawnDraftAsync() => WithDbAsync(async db =>
    {
        if (await db.StatisticsDrafts.FirstOrDefaultAsync(d => d.Quarter == "2020-Q2") is not { } draft)
        {
            var period = new Web.Features.Measurement.PeriodDto("2020-Q2", "April to June 2020", new DateOnly(2020, 4, 1), new DateOnly(2020, 6, 30), false);
            draft = new Web.Domain.Measurement.StatisticsDraft
            {
                Quarter = "2020-Q2",
                PreparedAt = DateTime.UtcNow,
                PreparedBy = "Matrix analyst",
                Tables = System.Text.Json.JsonSerializer.Serialize(new Web.Features.Measurement.NationalStatistics(period, "Counts of 1 to 4 are [c].", []), WebJson),
            };
            Assert.True(draft.Withdraw(Guid.NewGuid(), "Matrix analyst", "Only for the authorization matrix", DateTime.UtcNow).Succeeded);
            db.StatisticsDrafts.Add(draft);
            await db.SaveChangesAsync();
        }

        return draft.Id.ToString();
    });

    /// <summary>A "You said, we did" entry, a partner's Service Standards self-assessment, the LEP's own self-assessment and an improvement action.</summary>
    private Task<Dictionary<string, string>> ImprovementRecordsAsync(string lepCode, Guid lepId) => WithDbAsync(async db =>
    {
        var managerEmail = EmailOf(Role.LepManager, lepCode);
        var partnerEmail = EmailOf(Role.PartnerWorker, lepCode);
        var managerId = await db.Users.Where(u => u.Email == managerEmail).Select(u => u.Id).SingleAsync();
        var partnerOrganisation = await db.Users.Where(u => u.Email == partnerEmail).Select(u => u.OrganisationId).SingleAsync();
        var year = Web.Domain.Commissioning.FinancialYear.Of(Today).StartYear;
        var change = new Web.Domain.Voice.YouSaidWeDid { LepId = lepId, RecordedByUserId = managerId, RecordedAt = DateTime.UtcNow };
        Assert.Empty(change.Set("Evening appointments, please", "We opened on Thursday evenings", Today, ["evenings"], new HashSet<string> { "evenings" }, Today));
        var standards = new Web.Domain.Improvement.SelfAssessment
        {
            LepId = lepId,
            OrganisationId = partnerOrganisation,
            Framework = Web.Domain.Improvement.AssessmentFramework.ServiceStandards,
            FinancialYear = year,
            CreatedByUserId = managerId,
            CreatedAt = DateTime.UtcNow,
        };
        var lepAssessment = new Web.Domain.Improvement.SelfAssessment
        {
            LepId = lepId,
            Framework = Web.Domain.Improvement.AssessmentFramework.LepFramework,
            FinancialYear = year,
            CreatedByUserId = managerId,
            CreatedAt = DateTime.UtcNow,
        };
        var action = new Web.Domain.Improvement.ImprovementAction { LepId = lepId, CreatedByUserId = managerId, CreatedAt = DateTime.UtcNow };
        Assert.Empty(action.Set("Run a lived experience panel", "LEP coordinator", Today.AddDays(30), Web.Domain.Improvement.ImprovementStatus.NotStarted, null, [], [], [],
            new(new HashSet<string>(), new HashSet<string>(), new HashSet<string>())));
        db.AddRange(change, standards, lepAssessment, action);
        await db.SaveChangesAsync();
        return new Dictionary<string, string>
        {
            ["change"] = change.Id.ToString(),
            ["standards"] = standards.Id.ToString(),
            ["lepassessment"] = lepAssessment.Id.ToString(),
            ["improvement"] = action.Id.ToString(),
        };
    });

    /// <summary>A checked caseload import of the LEP's manager (its file uploaded, so every step of the wizard can be shown).</summary>
    private async Task<string> ImportRunAsync(string lepCode, Guid lepId)
    {
        var managerEmail = EmailOf(Role.LepManager, lepCode);
        var run = await WithDbAsync(async db =>
        {
            var run = new Web.Domain.CaseloadImport.ImportRun
            {
                LepId = lepId,
                StartedByUserId = await db.Users.Where(u => u.Email == managerEmail).Select(u => u.Id).SingleAsync(),
                FileName = "matrix.csv",
                Holds = Web.Domain.CaseloadImport.ImportRecordKind.Person,
                Status = Web.Domain.CaseloadImport.ImportRunStatus.Checked,
                CreatedAt = DateTime.UtcNow,
                ColumnMapping = """{"PersonRef":"PersonRef"}""",
            };
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
            return run;
        });
        var folder = Services.GetRequiredService<Web.Features.CaseloadImport.ImportWorkFolder>();
        await File.WriteAllTextAsync(folder.UploadPath(run.Id, run.FileName), "PersonRef,GivenName\nM1,Matrix\n");
        return run.Id.ToString();
    }

    private async Task<string> IdAsync(Func<Web.Data.NolbDbContext, IQueryable<Guid>> query) =>
        (await WithDbAsync(db => query(db).FirstAsync())).ToString();
}

/// <summary>Route parameters of the user's own LEP and of another LEP, by the names the matrix uses in braces.</summary>
public sealed record MatrixWorld(IReadOnlyDictionary<string, string> Own, IReadOnlyDictionary<string, string> Other)
{
    public string Url(string template, bool otherLep = false)
    {
        var records = otherLep ? Other : Own;
        return System.Text.RegularExpressions.Regex.Replace(template, "\\{(?<name>[a-z]+)\\}", m => records[m.Groups["name"].Value]);
    }
}

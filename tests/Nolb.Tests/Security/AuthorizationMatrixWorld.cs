using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
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

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Nolb:Demo"] = "true" };

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
            ["year"] = IncentiveScheme.FinancialYearOf(Today).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

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
        return records;
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

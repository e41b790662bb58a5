using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Domain.ActionPlans;
using Nolb.Web.Domain.Assessments;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.BrowserTests;

/// <summary>
/// The real Nolb app on a real Kestrel port (127.0.0.1, a free port) and a fresh SQLite file, so that
/// a browser can reach it. Environment "Development" because its cookies work over plain http (outside
/// Development they are __Host- and Secure, and HTTPS redirection is on); demo data stays off.
/// </summary>
public sealed class NolbServer : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@nolb.test";
    public const string AdminPassword = "bootstrap-admin-password";
    public const string Password = "a-long-test-password";
    public const string Glasgow = "S12000049";

    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"nolb-browser-{Guid.NewGuid():N}.db");

    private readonly int port = FreePort();

    private readonly IDictionary<string, string?> settings;

    /// <param name="settings">More configuration, for a test class that runs a server of its own (single sign-on).</param>
    public NolbServer(IDictionary<string, string?>? settings = null)
    {
        this.settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
    }

    /// <summary>The address the browser uses, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        EnrolTwoFactorAsync(AdminEmail).GetAwaiter().GetResult();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Nolb:Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Nolb", $"Data Source={databaseFile}");
        builder.UseSetting("Nolb:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Nolb:Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Nolb:Demo", "false");

        // Links in emails and host filtering both follow the address the browser uses.
        builder.UseSetting("Nolb:PublicBaseUrl", $"http://127.0.0.1:{port}");
        builder.UseSetting("Nolb:SignIn:AttemptsPerMinute", "10000");
        builder.UseSetting("Nolb:Retention:ScheduleEnabled", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// A port nobody listens on now, known before start because the public address (links, allowed host) must name it.
    /// Another process could take it before Kestrel does; then start-up fails loudly rather than testing the wrong thing.
    /// </summary>
    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databaseFile + suffix);
        }
    }

    /// <summary>Two-factor sign-in on with <see cref="Nolb.Tests.TestTotp.Key"/>, as if the person had set up their app.</summary>
    public async Task EnrolTwoFactorAsync(string email)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NolbUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.True((await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", Nolb.Tests.TestTotp.Key)).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
    }

    public async Task<T> WithDbAsync<T>(Func<NolbDbContext, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<NolbDbContext>());
    }

    /// <summary>
    /// An account made directly in the database (test data); its password is <see cref="Password"/>. A role that needs
    /// two-factor sign-in is enrolled with the test key unless <paramref name="twoFactor"/> is false.
    /// </summary>
    public async Task<NolbUser> CreateUserAsync(Role role, string? displayName = null, Guid? organisationId = null, bool? twoFactor = null)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NolbDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NolbUser>>();
        var lepId = role.RequiresLep() ? await db.Leps.Where(l => l.Code == Glasgow).Select(l => l.Id).SingleAsync() : (Guid?)null;
        if (role.RequiresOrganisation() && organisationId is null)
        {
            organisationId = (await CreateOrganisationAsync()).Id;
        }

        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@nolb.test";
        var user = new NolbUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName ?? $"Test {role.DisplayName()}",
            Role = role,
            LepId = lepId,
            OrganisationId = organisationId,
            CreatedAt = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        if (twoFactor ?? role.RequiresTwoFactor())
        {
            await EnrolTwoFactorAsync(email);
        }

        return user;
    }

    public Task<Organisation> CreateOrganisationAsync(string? name = null) => WithDbAsync(async db =>
    {
        var organisation = new Organisation
        {
            Name = name ?? $"Test partner {Guid.NewGuid():N}"[..24],
            Kind = OrganisationKind.ThirdSector,
            LepId = await db.Leps.Where(l => l.Code == Glasgow).Select(l => l.Id).SingleAsync(),
            ContactEmail = "partner@example.org",
            CreatedAt = DateTime.UtcNow,
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    });

    /// <summary>
    /// A Glasgow participant made directly in the database; with a key worker, an open engagement that
    /// has moved to stage 2 and one consent.
    /// </summary>
    public Task<Participant> CreateParticipantAsync(string givenName, string familyName, DateOnly dateOfBirth, Guid? keyWorkerId) => WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var person = new Participant
        {
            Reference = ParticipantReferences.New(),
            LepId = await db.Leps.Where(l => l.Code == Glasgow).Select(l => l.Id).SingleAsync(),
            GivenName = givenName,
            FamilyName = familyName,
            DateOfBirth = dateOfBirth,
            Postcode = "G1 1XQ",
            Phone = "0141 496 0000",
            PreferredContact = ContactMethod.Phone,
            EmploymentStatusAtStart = EmploymentStatus.UnemployedUnder12Months,
            BenefitsAtStart = [Benefit.UniversalCredit],
            Circumstances = new LifeCircumstances { Parent = true, LoneParent = true },
            CreatedAt = now,
        };
        if (keyWorkerId is { } worker)
        {
            var start = today.AddDays(-60);
            var engagement = person.StartEngagement(start, ReferralSource.JobcentrePlus, [FundingStream.NoOneLeftBehind], worker, worker, today, now).Value!;
            engagement.MoveTo(PipelineStage.NeedsAssessmentAndBarrierRemoval, start.AddDays(14), "Needs assessment done", worker, today, now);
            person.Consents.Add(new Consent { ParticipantId = person.Id, Kind = ConsentKind.UseInEvaluation, GivenOn = start, RecordedByUserId = worker, RecordedAt = now });
        }

        db.Participants.Add(person);
        await db.SaveChangesAsync();
        return person;
    });

    /// <summary>
    /// Two needs assessments of the open engagement (the second scores confidence and digital skills higher),
    /// and an action plan with a review date, an open action and a done one.
    /// </summary>
    public Task<ActionPlan> AddAssessmentsAndPlanAsync(Guid engagementId, Guid keyWorkerId, Guid? organisationId = null) => WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var engagement = await db.Engagements.SingleAsync(e => e.Id == engagementId);
        NeedsAssessment Assess(DateOnly on, int confidence, int digital, string strengths) =>
            NeedsAssessment.Record(
                engagement.Id, engagement.LepId, engagement.StartDate, engagement.LeftOn, on,
                new Dictionary<AssessmentDomain, int?>
                {
                    [AssessmentDomain.Confidence] = confidence,
                    [AssessmentDomain.DigitalSkills] = digital,
                    [AssessmentDomain.Transport] = 3,
                    [AssessmentDomain.Childcare] = null,
                },
                strengths, "A job in a kitchen, near home", keyWorkerId, today, now).Assessment!;
        db.NeedsAssessments.Add(Assess(engagement.StartDate.AddDays(7), 2, 1, "Good with people"));
        db.NeedsAssessments.Add(Assess(today.AddDays(-1), 4, 3, "Good with people; cooks for the family"));

        var plan = new ActionPlan { EngagementId = engagement.Id, LepId = engagement.LepId };
        Assert.True(plan.SetReviewDate(today.AddDays(28), engagement.StartDate).Succeeded);
        plan.Add(new ActionPlanDetails("I want to feel confident at interviews", "Go to the Tuesday confidence group", ActionOwner.Participant, null, today.AddDays(-3), ActionStatus.InProgress, AssessmentDomain.Confidence), keyWorkerId, now);
        plan.Add(new ActionPlanDetails("Use email for job applications", "Set up an email account at the library", ActionOwner.KeyWorker, null, null, ActionStatus.Done, AssessmentDomain.DigitalSkills), keyWorkerId, now);
        if (organisationId is { } organisation)
        {
            plan.Add(new ActionPlanDetails("Get a food hygiene certificate", "Book the course", ActionOwner.PartnerOrganisation, organisation, today.AddDays(30), ActionStatus.NotStarted, null), keyWorkerId, now);
        }

        db.ActionPlans.Add(plan);
        await db.SaveChangesAsync();
        return plan;
    });
}

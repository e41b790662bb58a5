using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Security;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// A believable LEP world for trying Nolb out (<c>--demo</c> or <c>Nolb:Demo=true</c>; never in Production):
/// every role in Glasgow City and in Fife, and their delivery partners. Generated with a fixed seed so
/// every run makes the same world; adding it twice changes nothing.
/// </summary>
public static partial class DemoData
{
    /// <summary>Development only: the password of every demo account (documented in the README).</summary>
    public const string Password = "Demo-password-2026";

    public const string EmailDomain = "demo.nolb.scot";

    private static readonly (string LepCode, string Slug)[] DemoLeps = [("S12000049", "glasgow"), ("S12000047", "fife")];

    public static async Task SeedAsync(IServiceProvider services, ILogger logger)
    {
        var db = services.GetRequiredService<NolbDbContext>();
        var userManager = services.GetRequiredService<UserManager<NolbUser>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var faker = new Faker("en_GB") { Random = new Randomizer(20221) };
        var created = 0;

        await EnsureOrganisationAsync(db, "Skills Development Scotland", OrganisationKind.SkillsDevelopmentScotland, null, now);
        foreach (var (lepCode, slug) in DemoLeps)
        {
            var lep = await db.Leps.SingleAsync(l => l.Code == lepCode);
            var council = await EnsureOrganisationAsync(db, $"{lep.Name} Council Employability Service", OrganisationKind.LocalAuthority, lep.Id, now);
            var partner = await EnsureOrganisationAsync(db, $"{lep.Name} Works Together (third sector)", OrganisationKind.ThirdSector, lep.Id, now);
            await EnsureOrganisationAsync(db, $"{lep.Name} College", OrganisationKind.College, lep.Id, now);
            await EnsureOrganisationAsync(db, $"Jobcentre Plus {lep.Name}", OrganisationKind.JobcentrePlus, lep.Id, now);

            foreach (var role in Enum.GetValues<Role>().Where(r => r.RequiresLep()))
            {
                var organisation = role == Role.PartnerWorker ? partner : council;
                created += await EnsureUserAsync(userManager, faker, $"{Slug(role)}@{slug}.{EmailDomain}", role, lep.Id, organisation.Id, now);
            }
        }

        var participants = 0;
        for (var index = 0; index < DemoLeps.Length; index++)
        {
            var lepCode = DemoLeps[index].LepCode;
            var lepId = await db.Leps.Where(l => l.Code == lepCode).Select(l => l.Id).SingleAsync();
            participants += await DemoParticipants.SeedAsync(db, lepId, seed: 4200 + index, now);
            await DemoCaseActivity.SeedAsync(db, lepId, seed: 5200 + index, now);
            var demoLep = await db.Leps.SingleAsync(l => l.Id == lepId);
            await DemoDirectory.SeedAsync(db, demoLep, now);
            await DemoDirectory.SeedReferralsAsync(db, demoLep, now);
            await DemoCommissioning.SeedAsync(db, demoLep, now);
            await DemoVoice.SeedAsync(db, demoLep, seed: 6200 + index, now);
            if (index == 0)
            {
                await DemoDeliveryPlan.SeedAsync(db, demoLep, now);
            }
        }

        created += await EnsureUserAsync(userManager, faker, $"analyst@{EmailDomain}", Role.NationalAnalyst, null, null, now);
        created += await EnsureUserAsync(userManager, faker, $"admin@{EmailDomain}", Role.Administrator, null, null, now);
        created += await EnsureUserAsync(userManager, faker, $"{Slug(Role.InformationGovernance)}@{EmailDomain}", Role.InformationGovernance, null, null, now);
        LogSeeded(logger, created, participants);
    }

    public static string Slug(Role role) => role switch
    {
        Role.KeyWorker => "keyworker",
        Role.TeamLeader => "teamleader",
        Role.PartnerWorker => "partner",
        Role.EmployerEngagementOfficer => "employer-officer",
        Role.LepManager => "manager",
        Role.NationalAnalyst => "analyst",
        Role.Administrator => "admin",
        Role.InformationGovernance => "governance",
        _ => "participant",
    };

    private static async Task<Organisation> EnsureOrganisationAsync(
        NolbDbContext db, string name, OrganisationKind kind, Guid? lepId, DateTime now)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Name == name && o.LepId == lepId);
        if (organisation is null)
        {
            organisation = new Organisation { Name = name, Kind = kind, LepId = lepId, CreatedAt = now };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        }

        return organisation;
    }

    private static async Task<int> EnsureUserAsync(
        UserManager<NolbUser> userManager, Faker faker, string email, Role role, Guid? lepId, Guid? organisationId, DateTime now)
    {
        var name = faker.Name.FullName();
        if (await userManager.FindByEmailAsync(email) is not null)
        {
            return 0;
        }

        var user = new NolbUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            Role = role,
            LepId = lepId,
            OrganisationId = organisationId,
            CreatedAt = now,
        };
        var result = await userManager.CreateAsync(user, Password);
        return result.Succeeded
            ? 1
            : throw new InvalidOperationException($"Demo user {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Demo data is on: {Created} demo account(s) and {Participants} demo participant(s) added. Demo accounts share a published password; never use them in production.")]
    private static partial void LogSeeded(ILogger logger, int created, int participants);
}

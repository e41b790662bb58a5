using System.Net;
using Nolb.Web.Domain;
using Nolb.Web.Security;

namespace Nolb.Tests.Security;

/// <summary>One signed-in user of every role, made once for the whole matrix.</summary>
public sealed class MatrixAppFactory : NolbAppFactory
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private Dictionary<Role, NolbUser>? users;

    public async Task<NolbUser> UserAsync(Role role)
    {
        await gate.WaitAsync();
        try
        {
            if (users is null)
            {
                var partner = await WithDbAsync(async db =>
                {
                    var organisation = new Organisation { Name = "Matrix Partner", Kind = OrganisationKind.ThirdSector, LepId = db.Leps.Single(l => l.Code == Glasgow).Id };
                    db.Organisations.Add(organisation);
                    await db.SaveChangesAsync();
                    return organisation.Id;
                });
                users = [];
                foreach (var each in Enum.GetValues<Role>())
                {
                    users[each] = await CreateUserAsync(each, organisationId: each == Role.PartnerWorker ? partner : null);
                }
            }

            return users[role];
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>
/// Every page and endpoint so far against every role: who gets in, who is refused, and how. The
/// expectations are written out here, independently of RolePermissions, so a change to the mapping
/// has to be made on purpose in both places.
/// </summary>
public sealed class PermissionMatrixTests(MatrixAppFactory app) : IClassFixture<MatrixAppFactory>
{
    private static readonly Role[] Everyone = Enum.GetValues<Role>();
    private static readonly Role[] AdministratorsOnly = [Role.Administrator];
    private static readonly Role[] Governance = [Role.Administrator, Role.InformationGovernance];
    private static readonly Role[] OrganisationReaders =
        [Role.KeyWorker, Role.TeamLeader, Role.PartnerWorker, Role.EmployerEngagementOfficer, Role.LepManager, Role.Administrator];
    private static readonly Role[] CaseWorkers = [Role.KeyWorker, Role.TeamLeader];
    private static readonly Role[] DirectoryManagers = [Role.LepManager, Role.Administrator];
    private static readonly Role[] EmployerReaders = [Role.KeyWorker, Role.TeamLeader, Role.EmployerEngagementOfficer, Role.LepManager];
    private static readonly Role[] EmployerOfficers = [Role.EmployerEngagementOfficer];

    private static readonly (string Path, Role[] Allowed)[] Pages =
    [
        ("/", Everyone),
        ("/Organisations", OrganisationReaders),
        ("/Organisations/Create", AdministratorsOnly),
        ("/Admin/Users", AdministratorsOnly),
        ("/Admin/Users/Create", AdministratorsOnly),
        ("/Admin/Audit", Governance),
        ("/Admin/Audit/Unusual", Governance),
        ("/DataRights", Governance),
        ("/DataRights/Retention", Governance),
        ("/Caseload", CaseWorkers),
        ("/Participants", CaseWorkers),
        ("/Participants/Register", CaseWorkers),
        ("/Appointments/Diary", CaseWorkers),
        ("/Admin/Interventions", AdministratorsOnly),
        ("/Admin/Occupations", AdministratorsOnly),
        ("/Directory", OrganisationReaders),
        ("/Directory/SupplyMap", OrganisationReaders),
        ("/Directory/Services/Create", DirectoryManagers),
        ("/Directory/Import", DirectoryManagers),
        ("/Referrals/Inbox", [Role.PartnerWorker]),
        ("/Referrals/Triage", [Role.TeamLeader]),
        ("/Referrals/Outbox", [Role.KeyWorker, Role.TeamLeader, Role.PartnerWorker]),
        ("/Sustainment", CaseWorkers),
        ("/Employers", EmployerReaders),
        ("/Employers/Create", EmployerOfficers),
        ("/Vacancies", EmployerReaders),
        ("/Vacancies/Create", EmployerOfficers),
        ("/Vacancies/Occupations", EmployerReaders),
        ("/Placements", EmployerReaders),
        ("/Incentives", EmployerReaders),
        ("/Commissioning", [Role.PartnerWorker, Role.LepManager]),
        ("/Commissioning/Create", [Role.LepManager]),
        ("/Commissioning/Allocation", [Role.LepManager]),
        ("/Commissioning/Decision", [Role.LepManager]),
        ("/Me", [Role.Participant]),
        ("/Me/AddGoal", [Role.Participant]),
        ("/Me/Data", [Role.Participant]),
        ("/Me/Feedback", [Role.Participant]),
        ("/Feedback/Results", [Role.TeamLeader, Role.LepManager]),
        ("/Feedback/Charter", [Role.TeamLeader, Role.LepManager, Role.Administrator]),
        ("/Measurement/Indicators", Everyone),
        ("/Measurement/DisclosureControl", Everyone),
        ("/DeliveryPlans", [Role.LepManager]),
        ("/DeliveryPlans/Create", [Role.LepManager]),
    ];

    private static readonly (string Path, Role[] Allowed)[] Endpoints =
    [
        ("/api/v1/me", Everyone),
        ("/api/v1/leps", Everyone),
        ("/api/v1/users", AdministratorsOnly),
        ("/api/v1/organisations", OrganisationReaders),
        ("/api/v1/reference/interventions", Everyone),
        ("/api/v1/directory/services", OrganisationReaders),
        ("/api/v1/directory/export?format=hsds-json", OrganisationReaders),
        ("/api/v1/referrals/inbox", [Role.PartnerWorker]),
        ("/api/v1/referrals/triage", [Role.TeamLeader]),
        ("/api/v1/referrals/outbox", [Role.KeyWorker, Role.TeamLeader, Role.PartnerWorker]),
        ("/api/v1/sustainment/due", CaseWorkers),
        ("/api/v1/employers", EmployerReaders),
        ("/api/v1/vacancies", EmployerReaders),
        ("/api/v1/occupations", EmployerReaders),
        ("/api/v1/placements", EmployerReaders),
        ("/api/v1/incentives", EmployerReaders),
        ("/api/v1/incentives/schemes", EmployerReaders),
        ("/api/v1/funding", [Role.LepManager]),
        ("/api/v1/funding/decisions", [Role.LepManager]),
        ("/api/v1/contracts", [Role.PartnerWorker, Role.LepManager]),
        ("/api/v1/charter", Everyone),
        ("/api/v1/feedback/results", [Role.TeamLeader, Role.LepManager]),
        ("/api/v1/indicators", Everyone),
        ("/api/v1/indicators/starts/values?quarter=2025-Q3", [Role.TeamLeader, Role.LepManager, Role.NationalAnalyst]),
        ("/api/v1/statistics/national?quarter=2025-Q3", [Role.NationalAnalyst]),
        ("/api/v1/plans", [Role.LepManager]),
    ];

    public static TheoryData<string, Role> PageCases => Cases(Pages);

    public static TheoryData<string, Role> EndpointCases => Cases(Endpoints);

    private static TheoryData<string, Role> Cases((string Path, Role[] Allowed)[] routes)
    {
        var data = new TheoryData<string, Role>();
        foreach (var (path, _) in routes)
        {
            foreach (var role in Everyone)
            {
                data.Add(path, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PageCases))]
    public async Task A_page_opens_for_allowed_roles_and_shows_access_denied_to_others(string path, Role role)
    {
        var allowed = Pages.Single(p => p.Path == path).Allowed.Contains(role);
        var user = await app.UserAsync(role);
        using var client = await app.PageClientAsync(user.Email!);

        var response = await client.GetAsync(path);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(EndpointCases))]
    public async Task An_endpoint_answers_allowed_roles_and_403s_others(string path, Role role)
    {
        var allowed = Endpoints.Single(p => p.Path == path).Allowed.Contains(role);
        var user = await app.UserAsync(role);
        using var client = await app.ApiClientAsync(user.Email!);

        var response = await client.GetAsync(path);

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/Organisations")]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Audit")]
    [InlineData("/Caseload")]
    [InlineData("/Participants/Register")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        using var client = app.AnonymousPageClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/me")]
    [InlineData("/api/v1/users")]
    [InlineData("/api/v1/organisations")]
    public async Task Anonymous_api_calls_answer_401(string path)
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void Every_permission_belongs_to_at_least_one_role()
    {
        var granted = Everyone.SelectMany(RolePermissions.For).ToHashSet();

        Assert.All(Permissions.All, p => Assert.Contains(p.Name, granted));
    }

    [Fact]
    public void National_analysts_and_lep_managers_get_no_permission_to_read_a_person()
    {
        foreach (var role in new[] { Role.NationalAnalyst, Role.LepManager })
        {
            Assert.DoesNotContain(RolePermissions.For(role), p => p.StartsWith("participants.", StringComparison.Ordinal));
        }
    }
}

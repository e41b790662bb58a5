using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Commissioning;

/// <summary>The commissioning pages without JavaScript: add a contract, set its profile, record spend and a decision; tenancy on the pages.</summary>
public sealed partial class CommissioningPagesTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static int Y => CommissioningTestData.PastYear.StartYear;

    [Fact]
    public async Task A_manager_adds_a_contract_sets_its_profile_and_records_spend_and_a_decision()
    {
        var manager = await app.CreateUserAsync(Role.LepManager);
        var partner = await app.PartnerAsync();
        using var client = await app.PageClientAsync(manager.Email!);
        var title = CaseData.UniqueName("Parents into work");

        var invalid = await client.SubmitFormAsync("/Commissioning/Create", new() { ["Input.Title"] = title, ["Input.Budget"] = "-1" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var errors = await invalid.TextAsync();
        Assert.Contains("There is a problem", errors, StringComparison.Ordinal);
        Assert.Contains("Enter the budget in pounds", errors, StringComparison.Ordinal);

        var created = await client.SubmitFormAsync("/Commissioning/Create", new()
        {
            ["Input.Title"] = title,
            ["Input.Kind"] = "Grant",
            ["Input.PartnerOrganisationId"] = partner.Id.ToString(),
            ["Input.FundingStream"] = "ParentalEmployabilitySupport",
            ["Input.TargetGroup"] = "Parents",
            ["Input.StartDate"] = CommissioningTestData.PastYear.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.EndDate"] = CommissioningTestData.PastYear.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Budget"] = "8000.00",
            ["Input.ExpectedStarts"] = "8",
            ["Input.ExpectedJobOutcomes"] = "2",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var profileUrl = created.Headers.Location!.OriginalString;
        Assert.StartsWith("/Commissioning/Profile/", profileUrl, StringComparison.Ordinal);
        var id = profileUrl["/Commissioning/Profile/".Length..];

        var fields = new Dictionary<string, string> { ["Input.Version"] = await VersionAsync(client, profileUrl) };
        for (var i = 0; i < 4; i++)
        {
            fields[$"Input.Quarters[{i}].Year"] = Y.ToString(CultureInfo.InvariantCulture);
            fields[$"Input.Quarters[{i}].Number"] = (i + 1).ToString(CultureInfo.InvariantCulture);
            fields[$"Input.Quarters[{i}].Starts"] = "2";
            fields[$"Input.Quarters[{i}].JobOutcomes"] = i < 2 ? "0" : "1";
            fields[$"Input.Quarters[{i}].Spend"] = "2000";
        }

        fields["Input.Quarters[3].Starts"] = "3";
        var wrong = await client.SubmitFormAsync(profileUrl, fields);
        Assert.Contains("The profiled starts add up to 9, but the contract expects 8", await wrong.TextAsync(), StringComparison.Ordinal);
        fields["Input.Quarters[3].Starts"] = "2";
        var profiled = await client.SubmitFormAsync(profileUrl, fields);
        Assert.Equal(HttpStatusCode.Redirect, profiled.StatusCode);

        var contractUrl = $"/Commissioning/Contract/{id}";
        var spent = await client.SubmitFormAsync(contractUrl, new()
        {
            ["Input.Version"] = await VersionAsync(client, contractUrl),
            ["Input.Quarter"] = $"{Y}-2",
            ["Input.Amount"] = "1750.50",
            ["Input.Note"] = "Claim 2",
        }, $"{contractUrl}?handler=Spend");
        Assert.Equal(HttpStatusCode.Redirect, spent.StatusCode);
        var page = await client.PageTextAsync(contractUrl);
        Assert.Contains($"Spend for Q2 {Y}-{(Y + 1) % 100:00} is recorded.", page, StringComparison.Ordinal);
        Assert.Contains("£1,750.50 of a budget of £8,000.00", page, StringComparison.Ordinal);
        Assert.Contains("An engagement counts for this contract", page, StringComparison.Ordinal);

        var decided = await client.SubmitFormAsync($"/Commissioning/Decision?contractId={id}", new()
        {
            ["Input.Kind"] = "Amend",
            ["Input.ContractId"] = id,
            ["Input.DecidedOn"] = CaseData.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.DecidedBy"] = "LEP board",
            ["Input.Reason"] = "Extend to evening sessions for working parents",
        });
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Contains("Extend to evening sessions for working parents", await client.PageTextAsync(contractUrl), StringComparison.Ordinal);
        var index = await client.PageTextAsync("/Commissioning");
        Assert.Contains(title, index, StringComparison.Ordinal);
        Assert.Contains("Extend to evening sessions for working parents", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_leps_manager_gets_not_found_and_the_partner_sees_performance_without_the_spend_form()
    {
        var manager = await app.ManagerAsync();
        var partner = await app.PartnerAsync();
        var contract = await manager.CreateContractAsync(CommissioningTestData.Contract(partner.Id));
        var url = $"/Commissioning/Contract/{contract.GetProperty("id").GetGuid()}";

        using var fife = await app.PageClientAsync((await app.CreateUserAsync(Role.LepManager, NolbAppFactory.Fife)).Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync(url.Replace("Contract", "Profile", StringComparison.Ordinal))).StatusCode);

        using var own = await app.PageClientAsync((await app.CreateUserAsync(Role.PartnerWorker, organisationId: partner.Id)).Email!);
        var page = await own.PageTextAsync(url);
        Assert.Contains("Performance to date", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Record the spend", page, StringComparison.Ordinal);
        CaseData.AssertAccessDenied(await own.GetAsync(url.Replace("Contract", "Profile", StringComparison.Ordinal)));
    }

    private static async Task<string> VersionAsync(HttpClient client, string url)
    {
        var html = await client.PageTextAsync(url);
        return VersionInput().Match(html).Groups["v"].Value;
    }

    [GeneratedRegex("name=\"Input.Version\" value=\"(?<v>[0-9a-f-]{36})\"")]
    private static partial Regex VersionInput();
}

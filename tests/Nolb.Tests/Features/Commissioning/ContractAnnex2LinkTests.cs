using System.Net;
using System.Net.Http.Json;
using Nolb.Tests.Features.DeliveryPlans;
using Nolb.Tests.Features.Employers;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Commissioning;

/// <summary>
/// A contract linked to the Annex 2 row it delivers: only a row of the LEP's own plans is accepted (page and API), the link shows
/// on the contract and on the row and the plan's Annex 2 table, and a row a contract delivers cannot be removed.
/// </summary>
public sealed class ContractAnnex2LinkTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task Only_a_row_of_the_leps_own_plans_is_accepted_and_a_delivered_row_cannot_be_removed()
    {
        var manager = await CommissioningTestData.ManagerAsync(app);
        var partner = await app.PartnerAsync();
        var (planId, rowId) = await PlanWithRowAsync(manager, partner.Id);
        var fife = await CommissioningTestData.ManagerAsync(app, NolbAppFactory.Fife);
        var (_, fifeRowId) = await PlanWithRowAsync(fife, (await app.PartnerAsync(NolbAppFactory.Fife)).Id);

        foreach (var wrong in new[] { fifeRowId, Guid.NewGuid() })
        {
            var body = CommissioningTestData.Contract(partner.Id);
            body["serviceDeliveryRequirementId"] = wrong;
            var refused = await manager.PostAsJsonAsync("/api/v1/contracts", body);
            Assert.Equal(["serviceDeliveryRequirementId"], await refused.ErrorFieldsAsync());
            var all = await (await manager.GetAsync("/api/v1/contracts")).OkJsonAsync();
            Assert.DoesNotContain(all.EnumerateArray(), c => c.GetProperty("title").GetString() == (string)body["title"]!);
        }

        var linked = CommissioningTestData.Contract(partner.Id);
        linked["serviceDeliveryRequirementId"] = rowId;
        var contract = await manager.CreateContractAsync(linked);
        Assert.Equal(rowId, contract.GetProperty("serviceDeliveryRequirementId").GetGuid());

        linked["serviceDeliveryRequirementId"] = fifeRowId;
        var url = $"/api/v1/contracts/{contract.GetProperty("id").GetGuid()}";
        Assert.Equal(["serviceDeliveryRequirementId"], await (await manager.PutAsync(url, linked, contract.ETag())).ErrorFieldsAsync());
        Assert.Equal(rowId, (await (await manager.GetAsync(url)).OkJsonAsync()).GetProperty("serviceDeliveryRequirementId").GetGuid());

        var delete = await manager.DeleteAsync($"/api/v1/plans/{planId}/annex2/{rowId}");
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Contains((string)linked["title"]!, await delete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var rows = await (await manager.GetAsync($"/api/v1/plans/{planId}/annex2")).OkJsonAsync();
        Assert.Contains(rows.EnumerateArray(), r => r.GetProperty("id").GetGuid() == rowId);

        linked["serviceDeliveryRequirementId"] = null;
        await (await manager.PutAsync(url, linked, contract.ETag())).OkJsonAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/plans/{planId}/annex2/{rowId}")).StatusCode);
    }

    [Fact]
    public async Task The_contract_names_its_row_and_plan_and_the_row_and_the_plan_list_the_contract_with_expected_and_actual()
    {
        var user = await app.CreateUserAsync(Role.LepManager);
        var manager = await app.ApiClientAsync(user.Email!);
        using var pages = await app.PageClientAsync(user.Email!);
        var partner = await app.PartnerAsync();
        var planTitle = CaseData.UniqueName("Plan");
        var (planId, rowId) = await PlanWithRowAsync(manager, partner.Id, planTitle);

        var create = await pages.PageTextAsync("/Commissioning/Create");
        Assert.Contains($"<optgroup label=\"{planTitle}\">", create, StringComparison.Ordinal);
        Assert.Contains("Row 1: Parents in the child poverty priority groups", create, StringComparison.Ordinal);

        var title = CaseData.UniqueName("Parents into work");
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Kind"] = "Grant",
            ["Input.PartnerOrganisationId"] = partner.Id.ToString(),
            ["Input.FundingStream"] = "ParentalEmployabilitySupport",
            ["Input.TargetGroup"] = "Parents",
            ["Input.StartDate"] = CommissioningTestData.PastYear.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.EndDate"] = CommissioningTestData.PastYear.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Budget"] = "8000.00",
            ["Input.ExpectedStarts"] = "8",
            ["Input.ExpectedJobOutcomes"] = "2",
            ["Input.ServiceDeliveryRequirementId"] = Guid.NewGuid().ToString(),
        };
        var refused = await pages.SubmitFormAsync("/Commissioning/Create", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choose the Annex 2 row from one of your LEP's delivery plans", await refused.TextAsync(), StringComparison.Ordinal);

        fields["Input.ServiceDeliveryRequirementId"] = rowId.ToString();
        var created = await pages.SubmitFormAsync("/Commissioning/Create", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var contractId = created.Headers.Location!.OriginalString["/Commissioning/Profile/".Length..];

        var contractPage = await (await pages.GetAsync($"/Commissioning/Contract/{contractId}")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/DeliveryPlans/Requirement/{planId}/Annex2/{rowId}\"", contractPage, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"href=\"/DeliveryPlans/Plan/{planId}#annex-2\"", contractPage, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(planTitle, contractPage, StringComparison.Ordinal);

        var rowPage = await pages.PageTextAsync($"/DeliveryPlans/Requirement/{planId}/Annex2/{rowId}");
        Assert.Contains("Contracts and grants that deliver this row", rowPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Commissioning/Contract/{contractId}\"", rowPage, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(title, rowPage, StringComparison.Ordinal);

        var planPage = await pages.PageTextAsync($"/DeliveryPlans/Plan/{planId}");
        Assert.Contains("Contracts delivering it", planPage, StringComparison.Ordinal);
        Assert.Contains($"{title}</a>", planPage, StringComparison.Ordinal);
        Assert.Contains("starts 0 of 8 expected", planPage, StringComparison.Ordinal);

        var removal = await pages.SubmitFormAsync($"/DeliveryPlans/Requirement/{planId}/Annex2/{rowId}", new(), $"/DeliveryPlans/Requirement/{planId}/Annex2/{rowId}?handler=Delete");
        Assert.Equal(HttpStatusCode.OK, removal.StatusCode);
        Assert.Contains($"{title} delivers this row", await removal.TextAsync(), StringComparison.Ordinal);
    }

    private static async Task<(Guid Plan, Guid Row)> PlanWithRowAsync(HttpClient manager, Guid partnerId, string title = "Delivery plan 2024 to 2027")
    {
        var planId = await manager.PlanAsync(title);
        var row = await (await manager.PostAsJsonAsync($"/api/v1/plans/{planId}/annex2", PlanTestData.Row(partnerId))).OkJsonAsync(HttpStatusCode.Created);
        return (planId, row.GetProperty("id").GetGuid());
    }
}

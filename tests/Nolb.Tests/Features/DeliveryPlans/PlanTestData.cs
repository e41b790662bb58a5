using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Nolb.Tests.Features.Employers;
using Nolb.Web.Domain;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.DeliveryPlans;

/// <summary>Delivery plans made through the API, as an LEP manager would.</summary>
public static class PlanTestData
{
    public static async Task<(NolbUser User, HttpClient Client)> ManagerAsync(this NolbAppFactory app, string lep = NolbAppFactory.Glasgow)
    {
        var user = await app.CreateUserAsync(Role.LepManager, lep);
        return (user, await app.ApiClientAsync(user.Email!));
    }

    public static async Task<Guid> PlanAsync(this HttpClient client, string title = "Delivery plan 2024 to 2027")
    {
        var created = await (await client.PostAsJsonAsync("/api/v1/plans", new { title, kind = "DeliveryPlan", periodStart = "2024-04-01", periodEnd = "2027-03-31" }))
            .OkJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    public static async Task<string> ETagAsync(this HttpClient client, Guid planId)
    {
        var response = await client.GetAsync($"/api/v1/plans/{planId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.Tag;
    }

    public static async Task<HttpResponseMessage> WriteSectionAsync(this HttpClient client, Guid planId, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/plans/{planId}/sections/{key}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(await client.ETagAsync(planId)));
        return await client.SendAsync(request);
    }

    public static Task<Guid> OrganisationAsync(this NolbAppFactory app, string name, string lep = NolbAppFactory.Glasgow) =>
        app.WithDbAsync(async db =>
        {
            var organisation = new Organisation { Name = name, Kind = OrganisationKind.ThirdSector, LepId = db.Leps.Single(l => l.Code == lep).Id };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });

    public static object Row(Guid partner, string targetGroup = "Parents in the child poverty priority groups", decimal budget = 125000.50m, int volumes = 80) => new
    {
        targetGroup,
        rationale = "Child poverty is highest in lone-parent households",
        deliveryPartnerIds = new[] { partner },
        budget,
        sourcesOfInvestment = new[] { "ParentalEmployabilitySupport", "NoOneLeftBehind" },
        volumes,
        deliveryMethod = "Grant to a third sector partner",
        outcomeExpected = "40 parents into fair work",
        policyDrivers = new[] { "ChildPoverty", "FairWork" },
    };

    public static async Task<JsonElement> GetPlanAsync(this HttpClient client, Guid planId) =>
        await (await client.GetAsync($"/api/v1/plans/{planId}")).OkJsonAsync();
}

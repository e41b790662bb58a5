using System.Net;
using System.Text.RegularExpressions;
using Nolb.Tests.Features.Employers;
using Nolb.Tests.Features.Participants;

namespace Nolb.Tests.Features.DeliveryPlans;

/// <summary>
/// Members (1.2) and governance links (1.3) are plan edits like any other: the API needs If-Match with the plan's ETag (missing
/// 428, stale 412) and the page refuses a form read before someone else's change, with nothing changed.
/// </summary>
public sealed partial class MembershipVersionTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task Members_and_governance_links_change_only_with_the_plans_current_etag()
    {
        var (_, client) = await app.ManagerAsync();
        var id = await client.PlanAsync();
        var organisation = await app.OrganisationAsync(CaseData.UniqueName("Member"));
        var first = await client.ETagAsync(id);
        var member = new { organisationId = organisation, role = "Chair", remit = "Leads the partnership" };

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await client.PostAsync($"/api/v1/plans/{id}/members", member, null)).StatusCode);
        var added = await client.PostAsync($"/api/v1/plans/{id}/members", member, first);
        var plan = await added.OkJsonAsync();
        var memberId = Assert.Single(plan.GetProperty("plan").GetProperty("members").EnumerateArray()).GetProperty("id").GetGuid();
        var second = added.Headers.ETag!.Tag;
        Assert.NotEqual(first, second);

        var link = new { groupName = "Glasgow Community Planning Partnership", kind = "ReportsTo", relationship = "Twice a year" };
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.PostAsync($"/api/v1/plans/{id}/governance", link, first)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Delete(client, $"/api/v1/plans/{id}/members/{memberId}", first)).StatusCode);
        var linked = await client.PostAsync($"/api/v1/plans/{id}/governance", link, second);
        var linkId = Assert.Single((await linked.OkJsonAsync()).GetProperty("plan").GetProperty("governance").EnumerateArray()).GetProperty("id").GetGuid();
        var third = linked.Headers.ETag!.Tag;

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Delete(client, $"/api/v1/plans/{id}/governance/{linkId}", second)).StatusCode);
        var afterStale = (await client.GetPlanAsync(id)).GetProperty("plan");
        Assert.Single(afterStale.GetProperty("members").EnumerateArray());
        Assert.Single(afterStale.GetProperty("governance").EnumerateArray());

        var unlinked = await Delete(client, $"/api/v1/plans/{id}/governance/{linkId}", third);
        var removed = await Delete(client, $"/api/v1/plans/{id}/members/{memberId}", unlinked.Headers.ETag!.Tag);
        var final = (await removed.OkJsonAsync()).GetProperty("plan");
        Assert.Empty(final.GetProperty("members").EnumerateArray());
        Assert.Empty(final.GetProperty("governance").EnumerateArray());

        var (_, fife) = await app.ManagerAsync(NolbAppFactory.Fife);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.PostAsync($"/api/v1/plans/{id}/members", member, $"\"{Guid.NewGuid()}\"")).StatusCode);
    }

    [Fact]
    public async Task A_stale_members_form_gets_a_conflict_message_and_changes_nothing()
    {
        var (user, client) = await app.ManagerAsync();
        var id = await client.PlanAsync();
        var organisation = await app.OrganisationAsync(CaseData.UniqueName("Member"));
        using var pages = await app.PageClientAsync(user.Email!);
        var url = $"/DeliveryPlans/Section/{id}/Sections/1.2";
        var html = await pages.PageTextAsync(url);
        var version = MemberVersion().Match(html).Groups["v"].Value;
        Assert.NotEmpty(version);

        Assert.Equal(HttpStatusCode.OK, (await client.WriteSectionAsync(id, "1.1", new { text = "Someone else's change" })).StatusCode);
        var stale = await pages.SubmitFormAsync(url, new()
        {
            ["Member.Version"] = version,
            ["Member.OrganisationId"] = organisation.ToString(),
            ["Member.Role"] = "Chair",
        }, $"{url}?handler=AddMember");

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this plan while you were editing it", await stale.TextAsync(), StringComparison.Ordinal);
        Assert.Empty((await client.GetPlanAsync(id)).GetProperty("plan").GetProperty("members").EnumerateArray());

        var fresh = MemberVersion().Match(await pages.PageTextAsync(url)).Groups["v"].Value;
        var added = await pages.SubmitFormAsync(url, new()
        {
            ["Member.Version"] = fresh,
            ["Member.OrganisationId"] = organisation.ToString(),
            ["Member.Role"] = "Chair",
        }, $"{url}?handler=AddMember");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Single((await client.GetPlanAsync(id)).GetProperty("plan").GetProperty("members").EnumerateArray());
    }

    private static Task<HttpResponseMessage> Delete(HttpClient client, string url, string etag) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch(etag));

    [GeneratedRegex("name=\"Member.Version\" value=\"(?<v>[0-9a-f-]{36})\"")]
    private static partial Regex MemberVersion();
}

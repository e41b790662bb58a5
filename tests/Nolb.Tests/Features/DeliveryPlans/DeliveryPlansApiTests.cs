using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Employers;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.DeliveryPlans;

/// <summary>The delivery plan through the API: the framework's sections, the workflow rules, tenancy, frozen evidence, versions and differences.</summary>
public sealed class DeliveryPlansApiTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task A_new_plan_has_every_framework_section_and_annex_3_starts_with_the_national_text()
    {
        var (_, client) = await app.ManagerAsync();
        var id = await client.PlanAsync();

        var plan = (await client.GetPlanAsync(id)).GetProperty("plan");

        var keys = plan.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("key").GetString()).ToList();
        Assert.Equal(27, keys.Count);
        Assert.Equal("1.1", keys[0]);
        Assert.Equal("6.5", keys[^1]);
        Assert.Equal("Evidence Led", plan.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "3.3").GetProperty("title").GetString());
        var poverty = plan.GetProperty("alignments").EnumerateArray().Single(a => a.GetProperty("outcome").GetString() == "Poverty");
        Assert.StartsWith("No One Left Behind and the approach taken to employability services supports the Scottish Government's ambition to eradicate child poverty",
            poverty.GetProperty("contribution").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_writes_a_section_with_a_swot_and_a_stale_etag_is_refused()
    {
        var (_, client) = await app.ManagerAsync();
        var id = await client.PlanAsync();
        var stale = await client.ETagAsync(id);

        var saved = await client.WriteSectionAsync(id, "3.1", new { text = "Glasgow's labour market is recovering.", strengths = "A large college sector" });
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/plans/{id}/sections/3.2") { Content = JsonContent.Create(new { text = "Overwrite" }) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(stale));
        var conflict = await client.SendAsync(request);
        var missing = await client.PutAsJsonAsync($"/api/v1/plans/{id}/sections/3.2", new { text = "No If-Match" });
        var unknown = await client.WriteSectionAsync(id, "7.1", new { text = "No such section" });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, conflict.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var section = (await client.GetPlanAsync(id)).GetProperty("plan").GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "3.1");
        Assert.Equal("Glasgow's labour market is recovering.", section.GetProperty("text").GetString());
        Assert.Equal("A large college sector", section.GetProperty("strengths").GetString());
    }

    [Fact]
    public async Task Another_leps_plan_answers_404_and_other_roles_are_refused()
    {
        var (_, glasgow) = await app.ManagerAsync();
        var id = await glasgow.PlanAsync();
        var (_, fife) = await app.ManagerAsync(NolbAppFactory.Fife);
        var worker = await app.ApiClientAsync((await app.StaffAsync(Role.TeamLeader)).Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/api/v1/plans/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.PostAsync($"/api/v1/plans/{id}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/api/v1/plans/{id}/annex2.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/v1/plans/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync("/api/v1/plans", new { title = "Not mine" })).StatusCode);
        Assert.DoesNotContain((await (await fife.GetAsync("/api/v1/plans")).OkJsonAsync()).EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Bad_plan_and_annex_2_input_answers_400_naming_each_field()
    {
        var (_, client) = await app.ManagerAsync();
        var bad = await client.PostAsJsonAsync("/api/v1/plans", new { title = "", periodStart = "2024-04-01", periodEnd = "2023-03-31" });
        var id = await client.PlanAsync();
        var badRow = await client.PostAsJsonAsync($"/api/v1/plans/{id}/annex2", new { targetGroup = "Parents", budget = -1, volumes = 10, deliveryPartnerIds = new[] { Guid.NewGuid() } });

        Assert.Equal(["kind", "periodEnd", "title"], (await bad.ErrorFieldsAsync()).Order());
        Assert.Equal(["budget", "deliveryMethod", "deliveryPartnerIds", "outcomeExpected", "rationale", "sourcesOfInvestment"], (await badRow.ErrorFieldsAsync()).Order());
        Assert.Empty((await (await client.GetAsync($"/api/v1/plans/{id}/annex2")).OkJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Submit_then_approve_by_a_second_manager_keeps_an_immutable_version_until_a_revision()
    {
        var (writer, client) = await app.ManagerAsync();
        var (approver, approverClient) = await app.ManagerAsync();
        var partner = await app.OrganisationAsync(CaseData.UniqueName("Partner"));
        var id = await client.PlanAsync();
        await client.WriteSectionAsync(id, "2.1", new { text = "Everyone who wants to work gets the support they need." });
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/plans/{id}/annex2", PlanTestData.Row(partner))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/plans/{id}/submit", null)).StatusCode);
        var editWhileSubmitted = await client.WriteSectionAsync(id, "2.1", new { text = "Changed while submitted" });
        var selfApproval = await client.PostAsync($"/api/v1/plans/{id}/approve", null);
        var approved = await approverClient.PostAsync($"/api/v1/plans/{id}/approve", null);
        var editWhenApproved = await client.WriteSectionAsync(id, "2.1", new { text = "Changed after approval" });
        var rowWhenApproved = await client.PostAsJsonAsync($"/api/v1/plans/{id}/annex2", PlanTestData.Row(partner, "Young people"));

        Assert.Equal(HttpStatusCode.Conflict, editWhileSubmitted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, selfApproval.StatusCode);
        Assert.Contains("approver", await selfApproval.ErrorFieldsAsync());
        var version = await approved.OkJsonAsync();
        Assert.Equal(1, version.GetProperty("number").GetInt32());
        Assert.Equal(approver.DisplayName, version.GetProperty("approvedBy").GetString());
        Assert.Equal(writer.DisplayName, version.GetProperty("submittedBy").GetString());
        Assert.Equal(HttpStatusCode.Conflict, editWhenApproved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, rowWhenApproved.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/plans/{id}/revise", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.WriteSectionAsync(id, "2.1", new { text = "Everyone who wants fair work gets the support they need." })).StatusCode);
        var v1 = await (await client.GetAsync($"/api/v1/plans/{id}/versions/1")).OkJsonAsync();
        Assert.Equal("Everyone who wants to work gets the support they need.",
            v1.GetProperty("plan").GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "2.1").GetProperty("text").GetString());

        var diff = await (await client.GetAsync($"/api/v1/plans/{id}/diff")).OkJsonAsync();
        var section = diff.GetProperty("sections").EnumerateArray().Single();
        Assert.Equal("2.1", section.GetProperty("key").GetString());
        Assert.Contains(section.GetProperty("parts").EnumerateArray(), p => p.GetProperty("kind").GetString() == "Added" && p.GetProperty("text").GetString()!.Contains("fair", StringComparison.Ordinal));
        Assert.Contains(section.GetProperty("parts").EnumerateArray(), p => p.GetProperty("kind").GetString() == "Removed" && p.GetProperty("text").GetString()!.Contains("to", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_diff_between_versions_shows_each_changed_annex_2_column()
    {
        var (_, client) = await app.ManagerAsync();
        var (_, approver) = await app.ManagerAsync();
        var partner = await app.OrganisationAsync(CaseData.UniqueName("Partner"));
        var id = await client.PlanAsync();
        var row = await (await client.PostAsJsonAsync($"/api/v1/plans/{id}/annex2", PlanTestData.Row(partner))).OkJsonAsync(HttpStatusCode.Created);
        await client.PostAsync($"/api/v1/plans/{id}/submit", null);
        await approver.PostAsync($"/api/v1/plans/{id}/approve", null);
        await client.PostAsync($"/api/v1/plans/{id}/revise", null);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/plans/{id}/annex2/{row.GetProperty("id").GetGuid()}") { Content = JsonContent.Create(PlanTestData.Row(partner, budget: 150000m)) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{row.GetProperty("version").GetGuid()}\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        await client.PostAsJsonAsync($"/api/v1/plans/{id}/annex2", PlanTestData.Row(partner, "Young people aged 16 to 24"));
        await client.PostAsync($"/api/v1/plans/{id}/submit", null);
        await approver.PostAsync($"/api/v1/plans/{id}/approve", null);

        var diff = await (await client.GetAsync($"/api/v1/plans/{id}/diff?from=1&to=2")).OkJsonAsync();

        var rows = diff.GetProperty("rows").EnumerateArray().ToList();
        var changed = rows.Single(r => r.GetProperty("change").GetString() == "Changed");
        var budget = changed.GetProperty("fields").EnumerateArray().Single();
        Assert.Equal("Budget", budget.GetProperty("column").GetString());
        Assert.Equal("£125,000.50", budget.GetProperty("before").GetString());
        Assert.Equal("£150,000", budget.GetProperty("after").GetString());
        Assert.Equal("Young people aged 16 to 24", rows.Single(r => r.GetProperty("change").GetString() == "Added").GetProperty("targetGroup").GetString());
        Assert.Equal(2, (await (await client.GetAsync($"/api/v1/plans/{id}/versions")).OkJsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Evidence_is_live_in_a_draft_and_frozen_in_the_approved_version()
    {
        var lep = NolbAppFactory.Fife;
        var (_, client) = await app.ManagerAsync(lep);
        var (_, approver) = await app.ManagerAsync(lep);
        var worker = await app.StaffAsync(Role.KeyWorker, lep);
        var id = await client.PlanAsync();
        var before = Starts(await client.GetPlanAsync(id));
        await StartedTodayAsync(lep, worker);

        var live = Starts(await client.GetPlanAsync(id));
        await client.PostAsync($"/api/v1/plans/{id}/submit", null);
        await approver.PostAsync($"/api/v1/plans/{id}/approve", null);
        await StartedTodayAsync(lep, worker);
        var frozen = Starts(await client.GetPlanAsync(id));
        var version = Starts((await (await client.GetAsync($"/api/v1/plans/{id}/versions/1")).OkJsonAsync()));

        Assert.Equal(before + 1, live);
        Assert.Equal(live, frozen);
        Assert.Equal(live, version);
        await client.PostAsync($"/api/v1/plans/{id}/revise", null);
        Assert.Equal(live + 1, Starts(await client.GetPlanAsync(id)));
    }

    private async Task StartedTodayAsync(string lep, NolbUser worker)
    {
        var person = await app.PersonAsync(lep, worker, with: p => p.Circumstances.Parent = true);
        await app.WithDbAsync(db => db.Engagements.Where(e => e.ParticipantId == person.Id).ExecuteUpdateAsync(e => e.SetProperty(x => x.StartDate, CaseData.Today)));
    }

    /// <summary>Section 3.3's count of everyone who started support this financial year.</summary>
    private static int Starts(JsonElement plan)
    {
        var body = plan.TryGetProperty("plan", out var inner) ? inner : plan;
        var table = body.GetProperty("evidence").EnumerateArray().Single(e => e.GetProperty("sectionKey").GetString() == "3.3");
        var everyone = table.GetProperty("rows").EnumerateArray().Single(r => r[0].GetString() == "Everyone who started");
        return int.Parse(everyone[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Comments_on_sections_are_kept_and_an_unknown_section_is_refused()
    {
        var (_, client) = await app.ManagerAsync();
        var id = await client.PlanAsync();

        var added = await client.PostAsJsonAsync($"/api/v1/plans/{id}/comments", new { sectionKey = "4.2", comment = "Say which wards are targeted." });
        var bad = await client.PostAsJsonAsync($"/api/v1/plans/{id}/comments", new { sectionKey = "9.9", comment = "" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(["comment", "sectionKey"], (await bad.ErrorFieldsAsync()).Order());
        var comment = (await client.GetPlanAsync(id)).GetProperty("comments").EnumerateArray().Single();
        Assert.Equal("4.2", comment.GetProperty("sectionKey").GetString());
    }
}

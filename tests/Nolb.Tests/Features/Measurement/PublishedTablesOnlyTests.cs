using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Measurement;

/// <summary>
/// Figures of an area that is not the user's own come only from the tables disclosure control protects together: a
/// quarter, Scotland by one or two breakdowns, each LEP alone or as the national tables break it down, and dashboards
/// for everyone. Anything else could be differenced against those tables (disclosure by differencing: the Office for
/// National Statistics' "Disclosure control guidance for tables produced from administrative data sources", section 4.3,
/// and the FCSM's Statistical Policy Working Paper 22, chapter 4): a financial year less three published quarters gives
/// the fourth quarter's hidden count; starts from 1 to 30 June less starts from 1 to 29 June are the people who started
/// on 30 June; an LEP crossed two ways, or filtered to one funding stream, is a table no other figure was protected with.
/// Before this, each of these answered 200 with figures.
/// </summary>
public sealed class PublishedTablesOnlyTests(MeasurementAppFactory app) : IClassFixture<MeasurementAppFactory>
{
    private static async Task<string> ProblemAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), body);
        return messages[0].GetString()!;
    }

    [Fact]
    public async Task A_national_analyst_gets_another_leps_figures_only_by_quarter_and_one_breakdown_at_a_time()
    {
        var analyst = await app.CreateUserAsync(Role.NationalAnalyst);
        using var client = await app.ApiClientAsync(analyst.Email!);
        var fife = $"/api/v1/indicators/starts/values?lep={NolbAppFactory.Fife}";

        // The LEP's line of the by-LEP tables: alone, and by any one breakdown.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{fife}&quarter=2024-Q1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{fife}&quarter=2024-Q1&breakdown=sex")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{fife}&quarter=2024-Q1&breakdown=ethnicity")).StatusCode);

        var crossed = await ProblemAsync(await client.GetAsync($"{fife}&quarter=2024-Q1&breakdown=sex,age-band"), "breakdown");
        Assert.Contains("one breakdown at a time", crossed, StringComparison.Ordinal);
        Assert.Contains("lep=S92000003", crossed, StringComparison.Ordinal);

        Assert.Contains("by quarter", await ProblemAsync(await client.GetAsync($"{fife}&year=2023-24"), "quarter"), StringComparison.Ordinal);
        await ProblemAsync(await client.GetAsync($"{fife}&from=2024-06-01&to=2024-06-30"), "quarter");

        // A rate is published for another LEP as a whole only (its line of the national rate table).
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/indicators/sustained-3-months/values?lep={NolbAppFactory.Fife}&quarter=2024-Q1")).StatusCode);
        Assert.Contains("as a whole", await ProblemAsync(
            await client.GetAsync($"/api/v1/indicators/sustained-3-months/values?lep={NolbAppFactory.Fife}&quarter=2024-Q1&breakdown=sex"), "breakdown"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scotland_broken_down_is_by_quarter_while_its_whole_total_may_be_asked_for_any_period()
    {
        var leader = await app.StaffAsync(Role.TeamLeader);
        using var client = await app.ApiClientAsync(leader.Email!);
        const string Scotland = "/api/v1/indicators/starts/values?lep=S92000003";

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Scotland}&quarter=2024-Q1&breakdown=sex,age-band")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Scotland}&year=2023-24")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Scotland}&from=2024-06-01&to=2024-06-30")).StatusCode);
        await ProblemAsync(await client.GetAsync($"{Scotland}&year=2023-24&breakdown=sex"), "quarter");
        await ProblemAsync(await client.GetAsync($"{Scotland}&from=2024-06-01&to=2024-06-30&breakdown=sex"), "quarter");
    }

    [Fact]
    public async Task An_leps_own_staff_may_ask_for_their_own_figures_for_any_period_and_breakdown()
    {
        var leader = await app.StaffAsync(Role.TeamLeader);
        using var client = await app.ApiClientAsync(leader.Email!);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/indicators/starts/values?year=2023-24&breakdown=sex,ethnicity")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/indicators/starts/values?from=2024-06-01&to=2024-06-30&breakdown=ethnicity")).StatusCode);
    }

    [Fact]
    public async Task The_national_dashboard_is_by_quarter_for_everyone_and_its_form_offers_nothing_else()
    {
        var analyst = await app.CreateUserAsync(Role.NationalAnalyst);
        using (var api = await app.ApiClientAsync(analyst.Email!))
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/dashboards/national?period=2024-Q1")).StatusCode);
            Assert.Contains("by quarter", await ProblemAsync(await api.GetAsync("/api/v1/dashboards/national?period=2023-24"), "period"), StringComparison.Ordinal);
            Assert.Contains("for everyone", await ProblemAsync(await api.GetAsync("/api/v1/dashboards/national?period=2024-Q1&funding=NoOneLeftBehind"), "funding"),
                StringComparison.Ordinal);
            await ProblemAsync(await api.GetAsync("/api/v1/dashboards/national?period=2024-Q1&target=sex:Female"), "target");
        }

        using var browser = await app.PageClientAsync(analyst.Email!);
        var page = await browser.GetStringAsync("/Measurement/National?Period=2024-Q1");
        Assert.DoesNotContain("name=\"Funding\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Target\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Financial year", page, StringComparison.Ordinal);
        var refused = await browser.GetStringAsync("/Measurement/National?Period=2024-Q1&Funding=NoOneLeftBehind");
        Assert.Contains("not for one funding stream or target group", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_leps_dashboard_compares_with_Scotland_only_for_everyone()
    {
        var leader = await app.StaffAsync(Role.TeamLeader);
        using var client = await app.ApiClientAsync(leader.Email!);

        var everyone = await client.GetFromJsonAsync<JsonElement>("/api/v1/dashboards/lep?period=2024-Q1");
        var oneStream = await client.GetFromJsonAsync<JsonElement>("/api/v1/dashboards/lep?period=2024-Q1&funding=NoOneLeftBehind");

        Assert.True(everyone.GetProperty("comparedWithScotland").GetBoolean());
        Assert.False(oneStream.GetProperty("comparedWithScotland").GetBoolean());
        Assert.All(oneStream.GetProperty("themes").EnumerateArray().SelectMany(t => t.GetProperty("figures").EnumerateArray()),
            f => Assert.Equal(JsonValueKind.Null, f.GetProperty("scotland").ValueKind));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Measurement;

/// <summary>
/// The three dashboards' figures through real HTTP on a real database, on one hand-built quarter (July to September
/// 2022) and the quarter before it. The figures are worked out by hand from the people <see cref="WorldAsync"/> starts:
/// <list type="bullet">
/// <item>Glasgow, July–September: women aged 35 × 6 (all on key worker A's caseload), women aged 55 × 5, men aged 35 × 2,
/// men aged 55 × 6 (on key worker B's): 19 starts. April–June: 3 more (B's).</item>
/// <item>Fife, July–September: 3 starts. Scotland: 19 + 3 = 22 starts.</item>
/// </list>
/// </summary>
public sealed class DashboardTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private const string Quarter = "2022-Q3";
    private static readonly DateOnly July = new(2022, 7, 12), May = new(2022, 5, 3);

    private sealed record World(NolbUser KeyWorkerA, NolbUser KeyWorkerB, NolbUser GlasgowLeader, NolbUser FifeLeader, NolbUser Analyst);

    private static World? world;
    private static readonly SemaphoreSlim Once = new(1, 1);

    private async Task<World> WorldAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (world is not null)
            {
                return world;
            }

            var a = await app.StaffAsync(Role.KeyWorker);
            var b = await app.StaffAsync(Role.KeyWorker);
            var fifeWorker = await app.StaffAsync(Role.KeyWorker, NolbAppFactory.Fife);
            await StartsAsync(6, a, NolbAppFactory.Glasgow, July, Sex.Female, age: 35);
            await StartsAsync(5, b, NolbAppFactory.Glasgow, July, Sex.Female, age: 55);
            await StartsAsync(2, b, NolbAppFactory.Glasgow, July, Sex.Male, age: 35);
            await StartsAsync(6, b, NolbAppFactory.Glasgow, July, Sex.Male, age: 55);
            await StartsAsync(3, b, NolbAppFactory.Glasgow, May, Sex.Female, age: 40);
            await StartsAsync(3, fifeWorker, NolbAppFactory.Fife, July, Sex.Female, age: 40);
            world = new World(a, b, await app.StaffAsync(Role.TeamLeader), await app.StaffAsync(Role.TeamLeader, NolbAppFactory.Fife),
                await app.CreateUserAsync(Role.NationalAnalyst));
            return world;
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task StartsAsync(int count, NolbUser worker, string lepCode, DateOnly start, Sex sex, int age)
    {
        for (var i = 0; i < count; i++)
        {
            await app.PersonAsync(lepCode, dateOfBirth: start.AddYears(-age).AddDays(-20), with: p =>
            {
                p.Equality.Sex = sex;
                var started = p.StartEngagement(start, ReferralSource.Self, [FundingStream.NoOneLeftBehind], worker.Id, worker.Id, CaseData.Today, DateTime.UtcNow);
                Assert.True(started.Succeeded, started.Error);
            });
        }
    }

    private async Task<JsonElement> GetAsync(NolbUser user, string url)
    {
        using var client = await app.ApiClientAsync(user.Email!);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Figure(JsonElement dashboard, string code) =>
        dashboard.GetProperty("themes").EnumerateArray().SelectMany(t => t.GetProperty("figures").EnumerateArray())
            .Single(f => f.GetProperty("code").GetString() == code);

    private static string Display(JsonElement figure, string which) => figure.GetProperty(which).GetProperty("display").GetString()!;

    private static JsonElement Cell(JsonElement intersection, string row, string column)
    {
        var columns = intersection.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList();
        var line = intersection.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("label").GetString() == row);
        return line.GetProperty("cells")[columns.IndexOf(column)];
    }

    [Fact]
    public async Task The_lep_dashboard_compares_with_the_quarter_before_and_with_scotland()
    {
        var w = await WorldAsync();

        var dashboard = await GetAsync(w.GlasgowLeader, $"/api/v1/dashboards/lep?period={Quarter}");

        Assert.Equal("Glasgow City", dashboard.GetProperty("area").GetString());
        Assert.Equal("2022-Q2", dashboard.GetProperty("previous").GetProperty("label").GetString());
        var starts = Figure(dashboard, "starts");
        Assert.Equal("19", Display(starts, "current"));
        Assert.Equal("3", Display(starts, "previous"));
        Assert.Equal("22", Display(starts, "scotland"));
        // Supported: the 19 who started in the quarter and the 3 from April–June still open.
        Assert.Equal("22", Display(Figure(dashboard, "supported"), "current"));
        Assert.Equal(["Reach", "Progression", "Skills", "Experience", "Value"],
            dashboard.GetProperty("themes").EnumerateArray().Select(t => t.GetProperty("theme").GetString()));
    }

    [Fact]
    public async Task The_lep_dashboard_by_financial_year_compares_with_the_year_before()
    {
        var w = await WorldAsync();

        var dashboard = await GetAsync(w.GlasgowLeader, "/api/v1/dashboards/lep?period=2022-23");

        // April 2022 to March 2023 holds both quarters: 19 + 3; nobody started in 2021-22.
        var starts = Figure(dashboard, "starts");
        Assert.Equal("22", Display(starts, "current"));
        Assert.Equal("0", Display(starts, "previous"));
        Assert.Equal("25", Display(starts, "scotland"));
    }

    [Fact]
    public async Task An_intersection_hides_small_cells_and_the_cells_that_would_give_them_away()
    {
        var w = await WorldAsync();

        var intersection = (await GetAsync(w.GlasgowLeader, $"/api/v1/dashboards/lep?period={Quarter}&indicator=starts&rows=sex&columns=age-band"))
            .GetProperty("intersection");

        // Men aged 30–49: 2, a small count. Men 50 and over (6), women 30–49 (6) and women 50 and over (5) go too, or the
        // row and column totals would give the 2 away. The totals themselves (11, 8; 8, 11; 19) are shown.
        var small = Cell(intersection, "Male", "30–49");
        Assert.Equal("[c]", small.GetProperty("display").GetString());
        Assert.Equal(JsonValueKind.Null, small.GetProperty("value").ValueKind);
        Assert.Equal("[c]", Cell(intersection, "Female", "30–49").GetProperty("display").GetString());
        Assert.Equal("19", intersection.GetProperty("totals").GetProperty("total").GetProperty("display").GetString());
        Assert.Equal("11", intersection.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("label").GetString() == "Female")
            .GetProperty("total").GetProperty("display").GetString());
    }

    [Fact]
    public async Task A_key_worker_sees_only_their_own_caseload()
    {
        var w = await WorldAsync();

        var mine = await GetAsync(w.KeyWorkerA, $"/api/v1/dashboards/caseload?period={Quarter}");
        var theirs = await GetAsync(w.KeyWorkerB, $"/api/v1/dashboards/caseload?period={Quarter}");

        Assert.Equal("6", Display(Figure(mine, "starts"), "current"));
        Assert.Equal(JsonValueKind.Null, Figure(mine, "starts").GetProperty("scotland").ValueKind);
        Assert.Equal("13", Display(Figure(theirs, "starts"), "current"));
        Assert.Equal("3", Display(Figure(theirs, "starts"), "previous"));
        Assert.NotNull(Figure(mine, "satisfaction").GetProperty("unavailable").GetString());
    }

    [Fact]
    public async Task Another_leps_figures_never_reach_an_lep_user()
    {
        var w = await WorldAsync();

        var fife = await GetAsync(w.FifeLeader, $"/api/v1/dashboards/lep?period={Quarter}");

        Assert.Equal("Fife", fife.GetProperty("area").GetString());
        Assert.Equal("3", Display(Figure(fife, "starts"), "current"));
        Assert.Equal("22", Display(Figure(fife, "starts"), "scotland"));

        // No parameter asks for another LEP; a key worker may not read the LEP or national dashboards at all.
        using var worker = await app.ApiClientAsync(w.KeyWorkerA.Email!);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/v1/dashboards/lep?period={Quarter}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/v1/dashboards/national?period={Quarter}")).StatusCode);
        using var leader = await app.ApiClientAsync(w.FifeLeader.Email!);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync($"/api/v1/dashboards/national?period={Quarter}")).StatusCode);
    }

    [Fact]
    public async Task The_national_dashboard_puts_every_lep_side_by_side_under_disclosure_control()
    {
        var w = await WorldAsync();

        var national = await GetAsync(w.Analyst, $"/api/v1/dashboards/national?period={Quarter}");

        var reach = national.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("theme").GetString() == "Reach");
        var column = reach.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList().IndexOf("starts");
        string StartsOf(string lep) => reach.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("lep").GetString() == lep)
            .GetProperty("values")[column].GetProperty("display").GetString()!;

        Assert.Equal(32, reach.GetProperty("rows").GetArrayLength());
        // Fife's 3 is hidden; Glasgow's 19 would give it away from Scotland's 22, so it is hidden too.
        Assert.Equal("[c]", StartsOf("Fife"));
        Assert.Equal("[c]", StartsOf("Glasgow City"));
        Assert.Equal("0", StartsOf("Aberdeen City"));
        Assert.Equal("22", reach.GetProperty("scotland").GetProperty("values")[column].GetProperty("display").GetString());
    }

    [Fact]
    public async Task The_national_page_shows_no_count_from_1_to_4()
    {
        var w = await WorldAsync();
        using var client = await app.PageClientAsync(w.Analyst.Email!);

        var html = await client.GetStringAsync($"/Measurement/National?period={Quarter}&rows=sex&columns=age-band");

        Assert.Contains("[c]", html, StringComparison.Ordinal);
        var cells = Regex.Matches(html, @"<td[^>]*>\s*([^<]*?)\s*</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(cells);
        Assert.DoesNotContain(cells, text => int.TryParse(text, out var n) && n is >= 1 and <= 4);
    }

    [Fact]
    public async Task The_pages_show_each_figure_in_a_table_and_name_a_bad_filter()
    {
        var w = await WorldAsync();
        using var client = await app.PageClientAsync(w.GlasgowLeader.Email!);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Measurement/Lep?period={Quarter}&funding=NoOneLeftBehind"));
        Assert.Contains("data-chart-for=\"figures-reach-count\"", html, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"<tr data-indicator=""starts"">\s*<th scope=""row"">Starts</th>\s*<td data-value=""19"">19</td>"), html);

        var bad = await client.GetAsync("/Measurement/Lep?period=2022-Q9&funding=Lottery");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var text = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Choose a period from the list", text, StringComparison.Ordinal);
        Assert.Contains("Choose a funding stream from the list", text, StringComparison.Ordinal);
        Assert.DoesNotContain("data-indicator=", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_funding_stream_and_target_group_filters_narrow_the_figures()
    {
        var w = await WorldAsync();

        var women = await GetAsync(w.GlasgowLeader, $"/api/v1/dashboards/lep?period={Quarter}&target=sex:Female");
        var guarantee = await GetAsync(w.GlasgowLeader, $"/api/v1/dashboards/lep?period={Quarter}&funding=YoungPersonsGuarantee");

        // Women: 6 + 5 started in the quarter; everyone is on No One Left Behind, so nobody on the Young Person's Guarantee.
        Assert.Equal("11", Display(Figure(women, "starts"), "current"));
        Assert.Equal("0", Display(Figure(guarantee, "starts"), "current"));
    }
}

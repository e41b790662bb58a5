using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Measurement;

/// <summary>
/// An administrator loads working-age population figures, then a team leader sees Glasgow's gaps for 2019-20.
/// Worked by hand: 24 women and 8 men started; the population is 60% women and 40% men, so women are 75% of starts
/// (+15 points) and men 25% (−15). Six women entered work: the average rate is 6 / 32 = 18.75%, shown 18.8%;
/// women's is 6 / 24 = 25% (+6.2 points, flagged at the default 5); men's rests on 8 people and is not shown.
/// </summary>
public sealed class PopulationGapTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private const string Page = "/Admin/Reference/Population";

    private static Dictionary<string, string> Details => new() { ["Source"] = "National Records of Scotland, mid-2019 population estimates", ["FiguresDate"] = "2019-06-30" };

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task A_bad_file_is_reported_by_row_and_column_and_a_good_one_gives_the_team_leader_the_gaps()
    {
        using var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);
        var bad = await admin.SubmitFileFormAsync(Page, Details, "Upload", "population.csv",
            Csv("area_code,dimension,group,population\nS12000049,sex,Female,60000\nS12999999,sex,Woman,12.5\nS12000049,shoe-size,Large,3\n"));

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Row 3, column area_code: \"S12999999\" is not the GSS code of a council area", html, StringComparison.Ordinal);
        Assert.Contains("Row 3, column group: \"Woman\" is not a group of sex", html, StringComparison.Ordinal);
        Assert.Contains("Row 3, column population: \"12.5\" is not a whole number of people", html, StringComparison.Ordinal);
        Assert.Contains("Row 4, column dimension", html, StringComparison.Ordinal);
        Assert.Contains("Nothing was loaded", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.CountAsync<PopulationFigure>());
        Assert.Equal(0, await app.CountAsync<ReferenceDataset>());

        var missing = await admin.SubmitFileFormAsync(Page, new Dictionary<string, string>(), "Upload", "population.csv", Csv("area_code,dimension,group,population\n"));
        var missingHtml = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
        Assert.Contains("Enter where the figures come from", missingHtml, StringComparison.Ordinal);
        Assert.Contains("Enter the date the figures describe", missingHtml, StringComparison.Ordinal);

        var good = await admin.SubmitFileFormAsync(Page, Details, "Upload", "population.csv",
            Csv("Area_Code,Dimension,Group,Population\nS12000043,sex,female,\"60,000\"\nS12000049,sex,Male,40000\nS12000049,age-band,25-29,9000\n"));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(3, await app.CountAsync<PopulationFigure>());
        var loaded = await admin.GetStringAsync(Page);
        Assert.Contains("National Records of Scotland, mid-2019 population estimates", loaded, StringComparison.Ordinal);

        var worker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        var start = new DateOnly(2019, 5, 1);
        var women = new List<Participant>();
        for (var i = 0; i < 24; i++)
        {
            women.Add(await app.StartedAsync(worker, NolbAppFactory.Glasgow, start, Sex.Female));
        }

        await app.ManyStartedAsync(worker, NolbAppFactory.Glasgow, start, Sex.Male, 8);
        foreach (var person in women.Take(6))
        {
            await app.JobEntryAsync(person, worker, new DateOnly(2019, 9, 2));
        }

        var leader = await app.CreateUserAsync(Role.TeamLeader, NolbAppFactory.Glasgow);
        using var api = await app.ApiClientAsync(leader.Email!);
        var gaps = await api.GetFromJsonAsync<JsonElement>("/api/v1/statistics/gaps?year=2019-20");

        Assert.False(gaps.GetProperty("disclosureControlled").GetBoolean());
        Assert.Equal("National Records of Scotland, mid-2019 population estimates", gaps.GetProperty("population").GetProperty("source").GetString());
        var sex = gaps.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == "sex");
        Assert.True(sex.GetProperty("hasPopulation").GetBoolean());
        Assert.Equal(18.8m, sex.GetProperty("averageJobEntryRate").GetDecimal());
        JsonElement Group(string name) => sex.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == name);
        Assert.Equal(75.0m, Group("Female").GetProperty("startShare").GetDecimal());
        Assert.Equal(60.0m, Group("Female").GetProperty("populationShare").GetDecimal());
        Assert.Equal(15.0m, Group("Female").GetProperty("shareGap").GetDecimal());
        Assert.Equal("Above", Group("Female").GetProperty("shareFlag").GetString());
        Assert.Equal("Below", Group("Male").GetProperty("shareFlag").GetString());
        Assert.Equal(25.0m, Group("Female").GetProperty("jobEntryRate").GetDecimal());
        Assert.Equal(6.2m, Group("Female").GetProperty("rateGap").GetDecimal());
        Assert.Equal("Above", Group("Female").GetProperty("rateFlag").GetString());
        Assert.Equal(JsonValueKind.Null, Group("Male").GetProperty("jobEntryRate").ValueKind);

        using var pages = await app.PageClientAsync(leader.Email!);
        var page = WebUtility.HtmlDecode(await pages.GetStringAsync("/Measurement/Gaps?period=2019-20"));
        Assert.Contains("Over-represented", page, StringComparison.Ordinal);
        Assert.Contains("Under-represented", page, StringComparison.Ordinal);
        Assert.Contains("Population: National Records of Scotland", page, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Measurement;

/// <summary>The gap analysis without population figures, for an LEP's own staff and under disclosure control for national analysts.</summary>
public sealed class EqualityGapsTests(MeasurementAppFactory app) : IClassFixture<MeasurementAppFactory>
{
    [Fact]
    public async Task Without_population_figures_the_page_says_so_and_still_shows_the_job_entry_gaps()
    {
        var worker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        var start = new DateOnly(2017, 6, 1);
        var women = new List<Participant>();
        for (var i = 0; i < 20; i++)
        {
            women.Add(await app.StartedAsync(worker, NolbAppFactory.Glasgow, start, Sex.Female));
        }

        await app.ManyStartedAsync(worker, NolbAppFactory.Glasgow, start, Sex.Male, 3);
        foreach (var person in women.Take(10))
        {
            await app.JobEntryAsync(person, worker, new DateOnly(2017, 10, 2));
        }

        var manager = await app.CreateUserAsync(Role.LepManager, NolbAppFactory.Glasgow);
        using var pages = await app.PageClientAsync(manager.Email!);
        var page = WebUtility.HtmlDecode(await pages.GetStringAsync("/Measurement/Gaps?period=2017-18"));
        Assert.Contains("No working-age population figures have been loaded for Glasgow City", page, StringComparison.Ordinal);
        Assert.Contains("Job-entry rate for everyone supported: <strong>43.5%</strong>", page, StringComparison.Ordinal);

        using var api = await app.ApiClientAsync(manager.Email!);
        var own = await api.GetFromJsonAsync<JsonElement>("/api/v1/statistics/gaps?year=2017-18");
        Assert.Equal(JsonValueKind.Null, own.GetProperty("population").ValueKind);
        var sex = own.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == "sex");
        Assert.False(sex.GetProperty("hasPopulation").GetBoolean());
        var female = sex.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "Female");
        Assert.Equal(50.0m, female.GetProperty("jobEntryRate").GetDecimal()); // 10 of 20, against 10 of 23 = 43.5%
        Assert.Equal(6.5m, female.GetProperty("rateGap").GetDecimal());
        Assert.Equal(3, sex.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "Male").GetProperty("starts").GetInt32());
    }

    [Fact]
    public async Task National_analysts_see_any_lep_under_disclosure_control_and_lep_staff_only_their_own()
    {
        var worker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Fife);
        await app.ManyStartedAsync(worker, NolbAppFactory.Fife, new DateOnly(2016, 6, 1), Sex.Female, 12);
        await app.ManyStartedAsync(worker, NolbAppFactory.Fife, new DateOnly(2016, 6, 1), Sex.Male, 2);
        var analyst = await app.CreateUserAsync(Role.NationalAnalyst);
        using var api = await app.ApiClientAsync(analyst.Email!);

        // Another LEP's gaps are by quarter, as disclosure control protects a quarter's tables together: a year beside three
        // published quarters would give the fourth.
        var year = await api.GetAsync($"/api/v1/statistics/gaps?lep={NolbAppFactory.Fife}&year=2016-17");
        Assert.Equal(HttpStatusCode.BadRequest, year.StatusCode);
        Assert.Contains("by quarter", await year.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var response = await api.GetAsync($"/api/v1/statistics/gaps?lep={NolbAppFactory.Fife}&quarter=2016-Q2");
        var body = await response.Content.ReadAsStringAsync();
        var gaps = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(gaps.GetProperty("disclosureControlled").GetBoolean());
        Assert.Equal("Fife", gaps.GetProperty("area").GetString());
        var sex = gaps.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == "sex");
        var male = sex.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "Male");
        Assert.Equal("[c]", male.GetProperty("startsDisplay").GetString());
        Assert.Equal(JsonValueKind.Null, male.GetProperty("starts").ValueKind);
        foreach (var dimension in gaps.GetProperty("dimensions").EnumerateArray())
        {
            foreach (var group in dimension.GetProperty("groups").EnumerateArray())
            {
                foreach (var name in new[] { "starts", "supported", "jobEntrants" })
                {
                    var value = group.GetProperty(name);
                    Assert.True(value.ValueKind == JsonValueKind.Null || value.GetInt32() is 0 or >= 5, $"{dimension.GetProperty("dimension")} {group.GetProperty("group")} {name} = {value}");
                }
            }
        }

        Assert.DoesNotContain("\"value\"", body, StringComparison.Ordinal);

        var leader = await app.CreateUserAsync(Role.TeamLeader, NolbAppFactory.Glasgow);
        using var lepApi = await app.ApiClientAsync(leader.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await lepApi.GetAsync($"/api/v1/statistics/gaps?lep={NolbAppFactory.Fife}&year=2016-17")).StatusCode);
        var bad = await lepApi.GetAsync("/api/v1/statistics/gaps?year=2016-2017");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("year", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

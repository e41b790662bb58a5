using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Measurement;

/// <summary>
/// A participant's SIMD quintile comes from their postcode through the lookup an administrator loads: "Not known"
/// before it is loaded and for postcodes it does not hold. The lookup here is three postcodes.
/// </summary>
public sealed class SimdLookupTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private const string Page = "/Admin/Reference/Simd";

    private static Dictionary<string, string> Details => new() { ["Source"] = "Scottish Government, SIMD 2020v2 postcode lookup", ["FiguresDate"] = "2020-01-28" };

    private static async Task<Dictionary<string, int>> QuintilesAsync(HttpClient api)
    {
        var values = await api.GetFromJsonAsync<JsonElement>("/api/v1/indicators/starts/values?quarter=2019-Q2&breakdown=simd-quintile");
        return values.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("groups")[0].GetString()!, r => r.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Quintiles_are_not_known_until_the_lookup_is_loaded_and_then_come_from_the_postcode()
    {
        var worker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        var start = new DateOnly(2019, 4, 15);
        await app.StartedAsync(worker, NolbAppFactory.Glasgow, start, Sex.Female, "G1 1XQ");
        await app.StartedAsync(worker, NolbAppFactory.Glasgow, start, Sex.Male, "EH12 9DN");
        await app.StartedAsync(worker, NolbAppFactory.Glasgow, start, Sex.Male, "AB10 1AA");
        await app.StartedAsync(worker, NolbAppFactory.Glasgow, start, Sex.Female);
        var leader = await app.CreateUserAsync(Role.TeamLeader, NolbAppFactory.Glasgow);
        using var api = await app.ApiClientAsync(leader.Email!);

        Assert.Equal(new Dictionary<string, int> { [Breakdowns.NotKnown] = 4 }, await QuintilesAsync(api));

        using var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);
        var bad = await admin.SubmitFileFormAsync(Page, Details, "Upload", "simd.csv",
            Encoding.UTF8.GetBytes("Postcode,DataZone,SIMD2020v2_Rank\nG1 1XQ,S01010001,100\nNOT A CODE,S0101,0\n"));
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Row 3, column postcode: \"NOT A CODE\" is not a postcode", html, StringComparison.Ordinal);
        Assert.Contains("Row 3, column data_zone", html, StringComparison.Ordinal);
        Assert.Contains("Row 3, column simd_rank: \"0\" is not a SIMD 2020v2 rank", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.CountAsync<SimdPostcode>());

        // Columns in another order, extra columns ignored, postcodes in the lookup's own spacing.
        var good = await admin.SubmitFileFormAsync(Page, Details, "Upload", "simd.csv",
            Encoding.UTF8.GetBytes("SIMD2020v2_Rank,Postcode,IntZone,DataZone\n100,G1  1XQ,S02001,S01010001\n6000,eh129dn,S02002,S01008000\n1396,G2 2AA,S02003,S01010050\n"));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var rows = await app.WithDbAsync(db => Task.FromResult(db.SimdPostcodes.OrderBy(s => s.Rank).ToList()));
        Assert.Equal(["G1 1XQ", "G2 2AA", "EH12 9DN"], rows.Select(r => r.Postcode));
        Assert.Equal([1, 2, 5], rows.Select(r => r.Quintile));
        Assert.Equal([1, 3, 9], rows.Select(r => r.Decile));

        Assert.Equal(new Dictionary<string, int> { ["Quintile 1"] = 1, ["Quintile 5"] = 1, [Breakdowns.NotKnown] = 2 }, await QuintilesAsync(api));
    }
}

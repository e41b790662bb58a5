using System.Net;
using Nolb.Tests.Features.Employers;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Improvement;

/// <summary>The journey map through HTTP: the LEP's own figures from its case data; another LEP's answers 404; roles without LEP statistics are refused.</summary>
public sealed class JourneysApiTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task The_journey_map_counts_the_leps_own_engagements_and_refuses_another_lep_and_other_roles()
    {
        var worker = await app.StaffAsync(Role.KeyWorker);
        for (var i = 0; i < 6; i++)
        {
            await app.PersonAsync(keyWorker: worker);
        }

        var manager = await app.StaffAsync(Role.LepManager);
        using var api = await app.ApiClientAsync(manager.Email!);
        using var workerApi = await app.ApiClientAsync(worker.Email!);

        var map = await (await api.GetAsync("/api/v1/journeys")).OkJsonAsync();
        var named = await api.GetAsync($"/api/v1/journeys?lep={NolbAppFactory.Glasgow}");
        var fife = await api.GetAsync($"/api/v1/journeys?lep={NolbAppFactory.Fife}");

        Assert.True(map.GetProperty("engagements").GetInt32() >= 6);
        var single = map.GetProperty("routes").EnumerateArray().Single(r => r.GetProperty("route").GetString() == "1");
        Assert.True(single.GetProperty("people").GetProperty("value").GetInt32() >= 6);
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fife.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await workerApi.GetAsync("/api/v1/journeys")).StatusCode);

        using var pages = await app.PageClientAsync(manager.Email!);
        var page = await pages.PageTextAsync("/Journeys");
        Assert.Contains("Most common routes through the stages", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
    }
}

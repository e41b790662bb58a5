using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Measurement;

/// <summary>
/// The LEP dashboard's Scotland column is counted at most once every ten minutes and says when; the LEP's own figures
/// are counted on every request. A class of its own: it moves the app's clock.
/// </summary>
public sealed class ScotlandFiguresTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static readonly DateOnly Start = new(2019, 5, 14);

    [Fact]
    public async Task Scotland_is_counted_again_only_after_ten_minutes_and_the_leps_own_figures_every_time()
    {
        var glasgowWorker = await app.StaffAsync(Role.KeyWorker);
        var fifeWorker = await app.StaffAsync(Role.KeyWorker, NolbAppFactory.Fife);
        var leader = await app.StaffAsync(Role.TeamLeader);
        await StartsAsync(5, glasgowWorker, NolbAppFactory.Glasgow);
        await StartsAsync(6, fifeWorker, NolbAppFactory.Fife);

        var first = await DashboardAsync(leader);
        await StartsAsync(1, glasgowWorker, NolbAppFactory.Glasgow);
        await StartsAsync(1, fifeWorker, NolbAppFactory.Fife);
        var soon = await DashboardAsync(leader);

        Assert.Equal(("5", "11"), Starts(first));
        Assert.Equal(("6", "11"), Starts(soon));
        Assert.Equal(first.GetProperty("scotlandCountedAt").GetDateTimeOffset(), soon.GetProperty("scotlandCountedAt").GetDateTimeOffset());

        try
        {
            app.Clock.Offset = TimeSpan.FromMinutes(11);
            var later = await DashboardAsync(leader);

            Assert.Equal(("6", "13"), Starts(later));
            Assert.True(later.GetProperty("scotlandCountedAt").GetDateTimeOffset() >= first.GetProperty("scotlandCountedAt").GetDateTimeOffset().AddMinutes(11));
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task The_page_says_when_scotland_was_counted()
    {
        var leader = await app.StaffAsync(Role.TeamLeader);
        using var client = await app.PageClientAsync(leader.Email!);

        // Another period than the other test's, whose Scotland figures must not be counted before its data exist.
        var html = await client.GetStringAsync("/Measurement/Lep?period=2018-Q1");

        Assert.Contains("figures were counted on", html, StringComparison.Ordinal);
        Assert.Contains("they are counted again once they are 10 minutes old", html, StringComparison.Ordinal);
    }

    private async Task StartsAsync(int count, NolbUser worker, string lepCode)
    {
        for (var i = 0; i < count; i++)
        {
            await app.PersonAsync(lepCode, with: p =>
            {
                var started = p.StartEngagement(Start, ReferralSource.Self, [FundingStream.NoOneLeftBehind], worker.Id, worker.Id, CaseData.Today, DateTime.UtcNow);
                Assert.True(started.Succeeded, started.Error);
            });
        }
    }

    /// <summary>Signs in afresh each time: cookies are dated by the clock the test moves.</summary>
    private async Task<JsonElement> DashboardAsync(NolbUser user)
    {
        using var client = await app.ApiClientAsync(user.Email!);
        var response = await client.GetAsync("/api/v1/dashboards/lep?period=2019-Q2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static (string Lep, string Scotland) Starts(JsonElement dashboard)
    {
        var starts = dashboard.GetProperty("themes").EnumerateArray().SelectMany(t => t.GetProperty("figures").EnumerateArray())
            .Single(f => f.GetProperty("code").GetString() == "starts");
        return (starts.GetProperty("current").GetProperty("display").GetString()!, starts.GetProperty("scotland").GetProperty("display").GetString()!);
    }
}

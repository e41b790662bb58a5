using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Measurement;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Measurement;

/// <summary>
/// The attacks of the security issue, by hand: Fife's people supported by sex, where a shown 9 beside a total of 11 gave
/// both hidden counts away as 1, and one late start between two publications, whose revision told that person's sex,
/// age band and disability. Each test has a quarter of its own.
/// </summary>
public sealed class DisclosureProbeTests(MeasurementAppFactory app) : IClassFixture<MeasurementAppFactory>
{

    [Fact]
    public async Task Fifes_two_hidden_counts_cannot_be_worked_out_from_the_shown_count_and_the_total()
    {
        var worker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Fife);
        var start = new DateOnly(2015, 5, 4);
        await app.ManyStartedAsync(worker, NolbAppFactory.Fife, start, Sex.Female, 1);
        await app.ManyStartedAsync(worker, NolbAppFactory.Fife, start, Sex.Male, 9);
        await app.ManyStartedAsync(worker, NolbAppFactory.Fife, start, Sex.PreferNotToSay, 1);
        var analyst = await app.CreateUserAsync(Role.NationalAnalyst);
        using var api = await app.ApiClientAsync(analyst.Email!);

        var national = await api.GetFromJsonAsync<NationalStatistics>("/api/v1/statistics/national?quarter=2015-Q2", JsonSerializerOptions.Web);

        var supported = national!.Tables.Single(t => t.Title == "Participants supported by LEP and sex");
        var fife = supported.Rows.Single(r => r.Label == "Fife");
        Assert.Equal("11", fife.Total.Display);
        Assert.Equal("[c]", fife.Cells[supported.Columns.ToList().IndexOf("Female")].Display);
        var attacker = new IntervalAttacker();
        attacker.ReadNational(national);
        var findings = attacker.Attack(DisclosureAttackTests.ProtectionWidth);
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public async Task One_late_start_between_two_publications_revises_nothing_and_five_do()
    {
        var glasgow = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        var fifeWorker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Fife);
        var start = new DateOnly(2016, 8, 1);
        await app.ManyStartedAsync(glasgow, NolbAppFactory.Glasgow, start, Sex.Female, 30);
        await app.ManyStartedAsync(glasgow, NolbAppFactory.Glasgow, start, Sex.Male, 25);
        await app.ManyStartedAsync(fifeWorker, NolbAppFactory.Fife, start, Sex.Female, 8);
        await app.ManyStartedAsync(fifeWorker, NolbAppFactory.Fife, start, Sex.Male, 7);
        var (_, api, approver) = await app.TwoAnalystsAsync();
        using var preparer = api;
        using var approving = approver;
        Assert.Equal(HttpStatusCode.Created, (await PublicationTests.PublishAsync(api, approver, "2016-Q3")).StatusCode);
        var first = await PublishedAsync(api);

        // One person recorded late: a disabled woman of 18 in Fife. Without holding small changes back, Fife's and
        // Scotland's women, 16 to 19 year olds and disabled people would each go up by one.
        await app.PersonAsync(NolbAppFactory.Fife, given: "Kirsty", dateOfBirth: start.AddYears(-18), with: p =>
        {
            p.Equality.Sex = Sex.Female;
            p.Equality.Disabled = YesNo.Yes;
            var started = p.StartEngagement(start, ReferralSource.Self, [FundingStream.NoOneLeftBehind], fifeWorker.Id, fifeWorker.Id, CaseData.Today, DateTime.UtcNow);
            Assert.True(started.Succeeded, started.Error);
        });
        Assert.Equal(HttpStatusCode.Created, (await PublicationTests.PublishAsync(api, approver, "2016-Q3")).StatusCode);
        var second = await PublishedAsync(api);

        Assert.Empty(second.Revisions);
        Assert.Equal(Figures(first.Statistics), Figures(second.Statistics));
        foreach (var published in new[] { first.Statistics, second.Statistics })
        {
            var attacker = new IntervalAttacker();
            attacker.ReadNational(published);
            Assert.Empty(attacker.Attack(DisclosureAttackTests.ProtectionWidth));
        }

        // Five more men in Glasgow: Scotland's starts, never hidden, have now moved by 6 (70 → 76, the late start with
        // them) and are revised; no revised count moved by less than 5. (Glasgow's men may be hidden by the new
        // publication's pattern, so the test does not look for them.)
        await app.ManyStartedAsync(glasgow, NolbAppFactory.Glasgow, start, Sex.Male, 5);
        Assert.Equal(HttpStatusCode.Created, (await PublicationTests.PublishAsync(api, approver, "2016-Q3")).StatusCode);
        var third = await PublishedAsync(api);
        Assert.Contains(third.Revisions, r => r.Table == "Starts by LEP and sex" && r.Row == "Scotland" && r.Column == "Total" && r.Previous == "70" && r.Current == "76");
        Assert.All(third.Revisions.Where(r => int.TryParse(r.Previous, out _) && int.TryParse(r.Current, out _)),
            r => Assert.True(Math.Abs(int.Parse(r.Current, System.Globalization.CultureInfo.InvariantCulture) - int.Parse(r.Previous, System.Globalization.CultureInfo.InvariantCulture)) >= 5, $"{r.Table}, {r.Row}, {r.Column}: {r.Previous} → {r.Current}"));
    }

    private static async Task<PublishedQuarter> PublishedAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<PublishedQuarter>("/api/v1/statistics/publications/2016-Q3", JsonSerializerOptions.Web))!;

    private static List<string> Figures(NationalStatistics statistics) =>
        Publications.Cells(statistics).Select(c => $"{c.Table}|{c.Row}|{c.Column}|{c.Display}").ToList();
}

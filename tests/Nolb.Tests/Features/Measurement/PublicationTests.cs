using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Measurement;

/// <summary>
/// A national analyst publishes 2018-Q3, a late-recorded start changes it, and the second publication shows the
/// revision. Worked by hand: Glasgow's 9 women and 3 men and Fife's 2 women; the 3 and the 2 are [c], and so are
/// Glasgow's total of 12 (else 14 − 12 gives Fife's 2 away) and Scotland's 11 women, but Scotland's 14 is shown. Five
/// more men are recorded late (a change under 5 would be held back): Scotland's total is revised from 14 to 19.
/// The workbook is read back with the Open XML SDK.
/// </summary>
public sealed class PublicationTests(MeasurementAppFactory app) : IClassFixture<MeasurementAppFactory>
{
    private static JsonContent Quarter(string quarter) => JsonContent.Create(new { quarter });

    /// <summary>Publishing as it now is: one analyst prepares the draft, another approves it.</summary>
    internal static async Task<HttpResponseMessage> PublishAsync(HttpClient preparer, HttpClient approver, string quarter)
    {
        var draft = await preparer.PostAsync("/api/v1/statistics/drafts", Quarter(quarter));
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var id = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("draft").GetProperty("id").GetString();
        return await approver.PostAsync($"/api/v1/statistics/drafts/{id}/approve", null);
    }

    [Fact]
    public async Task A_republished_quarter_shows_its_revisions_and_the_workbook_holds_no_count_from_1_to_4()
    {
        var worker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        var fifeWorker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Fife);
        var start = new DateOnly(2018, 8, 6);
        await app.ManyStartedAsync(worker, NolbAppFactory.Glasgow, start, Sex.Female, 9);
        await app.ManyStartedAsync(worker, NolbAppFactory.Glasgow, start, Sex.Male, 3);
        await app.ManyStartedAsync(fifeWorker, NolbAppFactory.Fife, start, Sex.Female, 2);
        var (analyst, api, approver) = await app.TwoAnalystsAsync();
        using var preparer = api;
        using var approving = approver;

        var first = await PublishAsync(api, approver, "2018-Q3");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var published = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, published.GetProperty("latest").GetProperty("number").GetInt32());
        Assert.False(published.GetProperty("provisionalNow").GetBoolean());
        Assert.Equal(0, published.GetProperty("revisions").GetArrayLength());

        // Recorded today, started in 2018-Q3: the quarter's figure changes.
        await app.ManyStartedAsync(worker, NolbAppFactory.Glasgow, start, Sex.Male, 5);
        Assert.Equal(HttpStatusCode.Created, (await PublishAsync(approver, api, "2018-Q3")).StatusCode);

        var quarter = await api.GetFromJsonAsync<JsonElement>("/api/v1/statistics/publications/2018-Q3");
        Assert.Equal(2, quarter.GetProperty("latest").GetProperty("number").GetInt32());
        var revisions = quarter.GetProperty("revisions").EnumerateArray().ToList();
        var total = revisions.SingleOrDefault(r => r.GetProperty("table").GetString() == "Starts by LEP and sex"
            && r.GetProperty("row").GetString() == "Scotland" && r.GetProperty("column").GetString() == "Total");
        Assert.True(total.ValueKind == JsonValueKind.Object, "Revisions: " + string.Join("; ", revisions.Select(r => r.ToString())));
        // Glasgow's own cells stay hidden by secondary suppression (Fife's 2 and Glasgow's men), so the revision shows
        // in the Scotland total, computed before suppression: 14 → 19.
        Assert.Equal("14", total.GetProperty("previous").GetString());
        Assert.Equal("19", total.GetProperty("current").GetString());
        Assert.Equal(1, total.GetProperty("previousNumber").GetInt32());
        Assert.Equal(2, quarter.GetProperty("history").GetArrayLength());
        var starts = quarter.GetProperty("statistics").GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("title").GetString() == "Starts by LEP and sex");
        Assert.Equal(19, starts.GetProperty("scotland").GetProperty("total").GetProperty("value").GetInt32());

        using var pages = await app.PageClientAsync(analyst.Email!);
        var page = WebUtility.HtmlDecode(await pages.GetStringAsync("/Measurement/Publications/2018-Q3"));
        Assert.Contains("Revised figures", page, StringComparison.Ordinal);
        Assert.Contains("19 [r]", page, StringComparison.Ordinal);

        var workbook = await api.GetAsync("/api/v1/statistics/national.xlsx?quarter=2018-Q3");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        var cells = WorkbookReader.Read(await workbook.Content.ReadAsByteArrayAsync());
        Assert.Contains("Revisions", cells.Select(c => c.Sheet));
        Assert.Equal(quarter.GetProperty("statistics").GetProperty("tables").GetArrayLength(), cells.Select(c => c.Sheet).Distinct().Count(s => s.StartsWith("Table ", StringComparison.Ordinal)));
        var counts = WorkbookReader.Counts(cells).ToList();
        Assert.NotEmpty(counts);
        Assert.All(counts, c => Assert.True(c.Number == 0 || c.Number >= 5, $"{c.Sheet}!{c.Reference} holds {c.Text}"));
        Assert.Contains(cells, c => c.Sheet.StartsWith("Table ", StringComparison.Ordinal) && c.Text == "[c]");
        Assert.DoesNotContain(cells, c => c.HasFormula);
        Assert.Contains(cells, c => c.Sheet == "Cover" && c.Text.Contains("Publication 2 of this quarter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_quarter_that_has_not_begun_cannot_be_published_and_an_unpublished_one_answers_404()
    {
        var analyst = await app.CreateUserAsync(Role.NationalAnalyst);
        using var api = await app.ApiClientAsync(analyst.Email!);

        var future = await api.PostAsync("/api/v1/statistics/drafts", Quarter($"{DateTime.UtcNow.Year + 2}-Q1"));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("quarter", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync("/api/v1/statistics/drafts", Quarter("2018-Q7"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/statistics/publications/2001-Q1")).StatusCode);
    }
}

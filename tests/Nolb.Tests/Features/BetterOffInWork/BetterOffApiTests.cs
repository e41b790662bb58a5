using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Interventions;
using Nolb.Web.Security;
using UglyToad.PdfPig;

namespace Nolb.Tests.Features.BetterOffInWork;

/// <summary>POST /api/v1/better-off and the page's PDF, through real HTTP.</summary>
public sealed class BetterOffApiTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    // The example household: single, 30, a four-year-old, £500 rent, 30 hours at £12.21.
    private static object Household(string taxYear = "2025-26", decimal hours = 30, int childAge = 4) => new
    {
        taxYear,
        adults = new[] { new { age = 30, limitedCapabilityForWorkAndWorkRelatedActivity = false, carer = false, currentMonthlyEarnings = 0 } },
        children = new[] { new { age = childAge, bornBefore6April2017 = false, disability = "none" } },
        monthlyRent = 500,
        monthlyServiceCharges = 0,
        offer = new { adultIndex = 0, hoursPerWeek = hours, hourlyPay = 12.21m },
        monthlyChildcareInWork = 0,
    };

    [Fact]
    public async Task A_key_worker_gets_now_and_in_work_with_every_line_explained()
    {
        var keyWorker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        using var client = await app.ApiClientAsync(keyWorker.Email!);

        var response = await client.PostAsJsonAsync("/api/v1/better-off", Household());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();

        // Now: 400.14 + child 292.81 + housing 500 = 1,192.95 UC; SCP 117.65; Child Benefit 26.05 × 52 ÷ 12 = 112.8833…;
        // net 1,423.4833… → 1,423.48.
        Assert.Equal(1192.95m, body.GetProperty("now").GetProperty("universalCredit").GetDecimal());
        Assert.Equal(1423.48m, body.GetProperty("now").GetProperty("netHouseholdIncome").GetDecimal());

        // In work: gross 1,587.30, tax 105.60, NI 43.18; earnings UC counts (after the whole 5% pension) 1,385.1468…; work allowance 411;
        // UC 1,192.95 − (1,385.1468… − 411) × 55% = 657.1693… → 657.17; take-home under relief at source is 10.673 more (the
        // 1% HMRC adds), 1,395.8198…; net 1,395.8198… + 657.1693… + 117.65 + 112.8833… = 2,283.5224… → 2,283.52.
        var inWork = body.GetProperty("inWork");
        Assert.Equal(1587.30m, inWork.GetProperty("grossEarnings").GetDecimal());
        Assert.Equal(105.60m, inWork.GetProperty("incomeTax").GetDecimal());
        Assert.Equal(43.18m, inWork.GetProperty("nationalInsurance").GetDecimal());
        Assert.Equal(657.17m, inWork.GetProperty("universalCredit").GetDecimal());
        Assert.Equal(117.65m, inWork.GetProperty("scottishChildPayment").GetDecimal());
        Assert.Equal(2283.52m, inWork.GetProperty("netHouseholdIncome").GetDecimal());
        Assert.Equal(860.04m, body.GetProperty("monthlyDifference").GetDecimal());
        Assert.Contains("£860.04 a month better off", body.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("reliefAtSource", body.GetProperty("pensionScheme").GetString());
        Assert.All(body.GetProperty("lines").EnumerateArray(), line =>
        {
            Assert.False(string.IsNullOrWhiteSpace(line.GetProperty("label").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(line.GetProperty("explanation").GetString()));
        });
    }

    [Fact]
    public async Task The_2026_27_rates_are_confirmed_and_only_rates_the_household_uses_are_flagged()
    {
        var keyWorker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        using var client = await app.ApiClientAsync(keyWorker.Email!);

        // Every Universal Credit, tax, NI, pension and Scottish Child Payment rate for 2026-27 is checked against its source.
        var body = await (await client.PostAsJsonAsync("/api/v1/better-off", Household("2026-27"))).JsonAsync();

        Assert.Equal("2026-27", body.GetProperty("taxYear").GetString());
        Assert.Equal(0, body.GetProperty("unconfirmedRates").GetArrayLength());
        Assert.DoesNotContain("provisional", body.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-26", -1, 4, "offer.hoursPerWeek")]
    [InlineData("1999-00", 30, 4, "taxYear")]
    [InlineData("2025-26", 30, 20, "children[0].age")]
    public async Task Invalid_input_answers_400_naming_the_field(string taxYear, decimal hours, int childAge, string field)
    {
        var keyWorker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        using var client = await app.ApiClientAsync(keyWorker.Email!);

        var response = await client.PostAsJsonAsync("/api/v1/better-off", Household(taxYear, hours, childAge));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Roles_without_the_calculator_get_403_and_anonymous_callers_401()
    {
        var analyst = await app.CreateUserAsync(Role.NationalAnalyst);
        using var analystClient = await app.ApiClientAsync(analyst.Email!);
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await analystClient.PostAsJsonAsync("/api/v1/better-off", Household())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/better-off", Household())).StatusCode);
    }

    private static Dictionary<string, string> PageFields() => new()
    {
        ["Input.TaxYear"] = "2025-26",
        ["Input.Household"] = "single",
        ["Input.Adults[0].Age"] = "30",
        ["Input.Adults[0].CurrentMonthlyEarnings"] = "0",
        ["Input.MonthlyRent"] = "500",
        ["Input.MonthlyServiceCharges"] = "0",
        ["Input.Offer.AdultIndex"] = "0",
        ["Input.Offer.HoursPerWeek"] = "30",
        ["Input.Offer.HourlyPay"] = "12.21",
        ["Input.Offer.PayFrequency"] = "monthly",
        ["Input.MonthlyChildcareInWork"] = "0",
    };

    [Fact]
    public async Task A_key_worker_saves_the_result_on_the_persons_record_as_a_better_off_in_work_intervention()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var fields = PageFields();
        fields["Input.ParticipantId"] = person.Id.ToString();
        var url = $"/BetterOffInWork?participantId={person.Id}";

        var response = await client.SubmitFormAsync(url, fields, postUrl: "/BetterOffInWork?handler=Save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Participants/{person.Id}", response.Headers.Location!.OriginalString);
        var engagementId = person.Engagements.Single().Id;
        var saved = await app.WithDbAsync(db => db.Interventions.Where(i => i.EngagementId == engagementId)
            .Select(i => new { i.Type!.Code, i.Notes, i.RecordedByUserId }).SingleAsync());
        Assert.Equal(AnnexOneCatalogue.BetterOffInWork, saved.Code);
        Assert.Contains("633.99", saved.Notes, StringComparison.Ordinal);
        Assert.DoesNotContain(person.FamilyName, saved.Notes, StringComparison.Ordinal);
        Assert.Equal(keyWorker.Id, saved.RecordedByUserId);
    }

    [Fact]
    public async Task Another_leps_person_cannot_be_opened_or_saved_to()
    {
        var glasgowWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: glasgowWorker);
        var fifeWorker = await app.StaffAsync(Role.KeyWorker, NolbAppFactory.Fife);
        using var client = await app.PageClientAsync(fifeWorker.Email!);
        var fields = PageFields();
        fields["Input.ParticipantId"] = person.Id.ToString();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/BetterOffInWork?participantId={person.Id}")).StatusCode);
        var response = await client.SubmitFormAsync("/BetterOffInWork", fields, postUrl: "/BetterOffInWork?handler=Save");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var engagementId = person.Engagements.Single().Id;
        Assert.Equal(0, await app.WithDbAsync(db => db.Interventions.CountAsync(i => i.EngagementId == engagementId)));
    }

    [Fact]
    public async Task The_page_calculates_and_downloads_the_result_as_a_pdf()
    {
        var keyWorker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var fields = PageFields();

        var page = await client.SubmitFormAsync("/BetterOffInWork", fields);
        var pdf = await client.SubmitFormAsync("/BetterOffInWork", fields, postUrl: "/BetterOffInWork?handler=Pdf");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("£633.99 a month better off", html, StringComparison.Ordinal);

        // Every rate used is listed with its source and the date it was read (2025-26's Universal Credit rates were read on 7 December 2026).
        Assert.Contains("Rates used (2025-26), each with its source and the date the source was read", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Standard allowance, single, 25 or over</th>", html, StringComparison.Ordinal);
        Assert.Contains("7 December 2026", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        var text = Encoding.Latin1.GetString(bytes);
        Assert.Contains("%%EOF", text[^32..], StringComparison.Ordinal);
        Assert.Contains("\nxref\n", text, StringComparison.Ordinal);
        Assert.Contains("/Type /Catalog", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pdf_and_the_saved_intervention_hold_the_same_lines()
    {
        // Issue 26: one list of result lines. A 19-year-old paid weekly at £10.50 (2026-27, under the £10.85 minimum for
        // 18-20) brings a warning and the months with 4 and 5 paydays as well as every row.
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var fields = PageFields();
        fields["Input.TaxYear"] = "2026-27";
        fields["Input.Adults[0].Age"] = "19";
        fields["Input.Offer.HourlyPay"] = "10.50";
        fields["Input.Offer.PayFrequency"] = "weekly";
        fields["Input.ParticipantId"] = person.Id.ToString();
        var url = $"/BetterOffInWork?participantId={person.Id}";

        var pdf = await client.SubmitFormAsync(url, fields, postUrl: "/BetterOffInWork?handler=Pdf");
        var save = await client.SubmitFormAsync(url, fields, postUrl: "/BetterOffInWork?handler=Save");

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var engagementId = person.Engagements.Single().Id;
        var notes = await app.WithDbAsync(db => db.Interventions.Where(i => i.EngagementId == engagementId).Select(i => i.Notes!).SingleAsync());
        var savedLines = notes.Split('\n');
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var pdfText = Normalise(string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));

        Assert.True(savedLines.Length > 20, $"The saved intervention has only {savedLines.Length} lines:\n{notes}");
        Assert.All(savedLines, line => Assert.Contains(Normalise(line), pdfText, StringComparison.Ordinal));
        Assert.Contains(savedLines, l => l.StartsWith("Warning: The offer pays £10.50 an hour, less than the legal minimum wage of £10.85", StringComparison.Ordinal));
        Assert.Contains(savedLines, l => l.StartsWith("A month with 5 paydays (4 a year): earnings £1,575.00", StringComparison.Ordinal));
        Assert.Contains(savedLines, l => l.StartsWith("Universal Credit: now £", StringComparison.Ordinal));
        Assert.Contains(savedLines, l => l.StartsWith("Take-home pay: now £0.00; in the job £", StringComparison.Ordinal));
        Assert.DoesNotContain(person.FamilyName, notes, StringComparison.Ordinal);
    }

    /// <summary>One space between words, and the minus sign as the PDF's WinAnsi font prints it.</summary>
    private static string Normalise(string text) =>
        string.Join(' ', text.Replace('\u2212', '-').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

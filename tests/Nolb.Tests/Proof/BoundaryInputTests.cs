using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.DeliveryPlans;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain;
using Nolb.Web.Domain.DeliveryPlans;
using Nolb.Web.Security;

namespace Nolb.Tests.Proof;

/// <summary>
/// Control characters and dates at the ends of the calendar. The API takes text by the pages' rule (no C0 control
/// character but tab, CR and LF), exports cannot be broken by what is already stored, and every period, quarter and
/// date is read within <see cref="DateBounds"/>: outside it the answer is a clear 400 or a message on the page, never 500.
/// </summary>
public sealed class BoundaryInputTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    /// <summary>The probes of the security review: beyond the last year .NET can hold a quarter of, and before the first.</summary>
    public static readonly string[] Periods = ["9999-Q4", "0000-Q1", "9999-00"];

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u0001")]
    [InlineData("\u001b")]
    public async Task Api_text_with_a_control_character_is_refused_naming_the_field_and_nothing_is_stored(string control)
    {
        var (_, client) = await app.ManagerAsync();
        var partner = await PlanTestData.OrganisationAsync(app, CaseData.UniqueName("Partner"));
        var planId = await client.PlanAsync();

        var row = await client.PostAsJsonAsync($"/api/v1/plans/{planId}/annex2", PlanTestData.Row(partner, $"Young{control}people"));
        var plan = await client.PostAsJsonAsync("/api/v1/plans", new { title = $"Plan{control}", kind = "DeliveryPlan", periodStart = "2024-04-01", periodEnd = "2027-03-31" });

        Assert.Equal(["targetGroup"], await row.ErrorFieldsAsync());
        Assert.Contains("control character", await row.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["title"], await plan.ErrorFieldsAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ServiceDeliveryRequirement>().CountAsync(r => r.PlanId == planId)));
    }

    [Fact]
    public async Task Api_text_keeps_tabs_and_line_breaks_as_the_pages_do()
    {
        var (_, client) = await app.ManagerAsync();
        var partner = await PlanTestData.OrganisationAsync(app, CaseData.UniqueName("Partner"));
        var planId = await client.PlanAsync();

        var row = await client.PostAsJsonAsync($"/api/v1/plans/{planId}/annex2", PlanTestData.Row(partner, "Young people\r\nleaving care\tfirst"));

        Assert.True(row.IsSuccessStatusCode, await row.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Control_characters_already_stored_do_not_break_the_plan_document_or_the_annex_2_workbook()
    {
        var (_, client) = await app.ManagerAsync();
        var partner = await PlanTestData.OrganisationAsync(app, CaseData.UniqueName("Partner"));
        var planId = await client.PlanAsync();
        (await client.PostAsJsonAsync($"/api/v1/plans/{planId}/annex2", PlanTestData.Row(partner))).EnsureSuccessStatusCode();
        // Stored straight into the database, as text written before the API's rule (or by another tool) would be.
        await app.WithDbAsync(db => db.Set<ServiceDeliveryRequirement>().Where(r => r.PlanId == planId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.TargetGroup, "Young\u0001people\u001b\u0008 leaving care")));

        var docx = await client.GetAsync($"/api/v1/plans/{planId}/export?format=docx");
        var xlsx = await client.GetAsync($"/api/v1/plans/{planId}/annex2.xlsx");

        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Contains("Youngpeople leaving care", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("Youngpeople leaving care", workbook.WorkbookPart!.WorksheetParts.Single().Worksheet!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_period_and_quarter_parameter_outside_the_calendar_answers_400_or_a_page_message_never_500()
    {
        var analyst = await app.StaffAsync(Role.NationalAnalyst);
        var manager = await app.StaffAsync(Role.LepManager);
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var api = new Dictionary<Role, HttpClient>
        {
            [Role.NationalAnalyst] = await app.ApiClientAsync(analyst.Email!),
            [Role.LepManager] = await app.ApiClientAsync(manager.Email!),
            [Role.KeyWorker] = await app.ApiClientAsync(keyWorker.Email!),
        };
        var pages = new Dictionary<Role, HttpClient>
        {
            [Role.NationalAnalyst] = await app.PageClientAsync(analyst.Email!),
            [Role.LepManager] = await app.PageClientAsync(manager.Email!),
            [Role.KeyWorker] = await app.PageClientAsync(keyWorker.Email!),
        };
        (Role Role, string Url, HttpStatusCode Expected)[] endpoints =
        [
            (Role.NationalAnalyst, "/api/v1/indicators/starts/values?lep=S92000003&quarter={p}", HttpStatusCode.BadRequest),
            (Role.NationalAnalyst, "/api/v1/indicators/starts/values?lep=S92000003&year={p}", HttpStatusCode.BadRequest),
            (Role.NationalAnalyst, "/api/v1/statistics/national?quarter={p}", HttpStatusCode.BadRequest),
            (Role.LepManager, "/api/v1/returns/quarterly?quarter={p}", HttpStatusCode.BadRequest),
            (Role.KeyWorker, "/api/v1/dashboards/caseload?period={p}", HttpStatusCode.BadRequest),
            (Role.LepManager, "/api/v1/dashboards/lep?period={p}", HttpStatusCode.BadRequest),
            (Role.NationalAnalyst, "/api/v1/dashboards/national?period={p}", HttpStatusCode.BadRequest),
            (Role.NationalAnalyst, "/api/v1/statistics/gaps?lep=S92000003&quarter={p}", HttpStatusCode.BadRequest),
            (Role.NationalAnalyst, "/api/v1/statistics/gaps?lep=S92000003&year={p}", HttpStatusCode.BadRequest),
            (Role.NationalAnalyst, "/api/v1/statistics/publications/{p}", HttpStatusCode.NotFound),
            (Role.NationalAnalyst, "/api/v1/statistics/national.xlsx?quarter={p}", HttpStatusCode.BadRequest),
        ];
        (Role Role, string Url)[] getPages =
        [
            (Role.KeyWorker, "/Measurement/Dashboard?period={p}"),
            (Role.LepManager, "/Measurement/Lep?period={p}"),
            (Role.NationalAnalyst, "/Measurement/National?period={p}"),
            (Role.NationalAnalyst, "/Measurement/Gaps?period={p}"),
            (Role.NationalAnalyst, "/Measurement/Publications/{p}"),
            (Role.NationalAnalyst, "/Measurement/Publications/{p}?handler=Workbook"),
        ];
        var failures = new List<string>();

        foreach (var p in Periods)
        {
            foreach (var (role, url, expected) in endpoints)
            {
                var response = await api[role].GetAsync(url.Replace("{p}", p, StringComparison.Ordinal));
                Check($"GET {url} with {p}", response, expected);
            }

            Check($"POST /api/v1/statistics/drafts with {p}", await api[Role.NationalAnalyst].PostAsJsonAsync("/api/v1/statistics/drafts", new { quarter = p }), HttpStatusCode.BadRequest);
            foreach (var (role, url) in getPages)
            {
                Check($"page {url} with {p}", await pages[role].GetAsync(url.Replace("{p}", p, StringComparison.Ordinal)), null);
            }

            Check($"publishing {p} on the page", await pages[Role.NationalAnalyst].SubmitFormAsync("/Measurement/Publications", new() { ["Quarter"] = p }), null);
        }

        foreach (var (from, to) in new[] { ("9999-12-30", "9999-12-31"), ("0001-01-01", "0001-01-02"), ("1899-12-31", "1900-01-31") })
        {
            Check($"indicator values from {from} to {to}", await api[Role.NationalAnalyst].GetAsync($"/api/v1/indicators/starts/values?lep=S92000003&from={from}&to={to}"), HttpStatusCode.BadRequest);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        void Check(string what, HttpResponseMessage response, HttpStatusCode? expected)
        {
            if (expected is { } status ? response.StatusCode != status : (int)response.StatusCode >= 500)
            {
                failures.Add($"{what}: {(int)response.StatusCode}, expected {(expected is null ? "not 5xx" : ((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture))}");
            }
        }
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("2101-01-01T09:00:00Z")]
    public async Task An_appointment_outside_the_calendar_is_refused_by_the_api_naming_the_field(string startsAt)
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var api = await app.ApiClientAsync(keyWorker.Email!);

        var response = await api.PostAsJsonAsync($"/api/v1/engagements/{engagementId}/appointments",
            new { startsAt, durationMinutes = 30, channel = "Phone", withWhom = "Key worker", staffUserId = keyWorker.Id });

        Assert.Equal(["startsAt"], await response.ErrorFieldsAsync());
        Assert.Contains("between 1900 and 2100", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Appointments.CountAsync(a => a.EngagementId == engagementId)));
    }

    [Fact]
    public async Task An_appointment_outside_the_calendar_is_refused_on_the_page_with_a_message()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var response = await client.SubmitFormAsync($"/Participants/Engagements/{engagementId}/Appointments", new()
        {
            ["Input.Date"] = "9999-12-31",
            ["Input.Time"] = "23:59",
            ["Input.DurationMinutes"] = "30",
            ["Input.Channel"] = "Phone",
            ["Input.WithWhom"] = "Key worker",
            ["Input.StaffUserId"] = keyWorker.Id.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a date with a year between 1900 and 2100", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Appointments.CountAsync(a => a.EngagementId == engagementId)));
    }

    [Fact]
    public async Task An_appointment_already_stored_at_the_end_of_the_calendar_does_not_break_the_diary_or_its_calendar_file()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var api = await app.ApiClientAsync(keyWorker.Email!);
        using var pages = await app.PageClientAsync(keyWorker.Email!);
        var booked = await api.PostAsJsonAsync($"/api/v1/engagements/{engagementId}/appointments",
            new { startsAt = DateTimeOffset.UtcNow.AddDays(2), durationMinutes = 60, channel = "Phone", withWhom = "Key worker", staffUserId = keyWorker.Id });
        Assert.True(booked.StatusCode == HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        // Stored before dates were bounded: the last second .NET can hold, an hour before the appointment would end.
        await app.WithDbAsync(db => db.Appointments.Where(a => a.EngagementId == engagementId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.StartsAt, new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc))));

        var calendar = await pages.GetAsync("/Appointments/Diary?handler=Calendar");
        var diary = await pages.GetAsync("/Appointments/Diary");

        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        Assert.Contains("DTSTART:99991231T235959Z", await calendar.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, diary.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Measurement;

/// <summary>The measurement app: a pseudonymisation key is set, as a server would have it.</summary>
public sealed class MeasurementAppFactory : NolbAppFactory
{
    public const string Key = "a-test-pseudonymisation-key-of-at-least-32-characters";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Nolb:Returns:PseudonymisationKey"] = Key };
}

/// <summary>
/// The measurement API through real HTTP on a real database. Each test uses a quarter of its own, so the tests
/// sharing this fixture's database never count each other's people.
/// </summary>
public sealed class MeasurementApiTests(MeasurementAppFactory app) : IClassFixture<MeasurementAppFactory>
{
    private async Task<Participant> StartAsync(NolbUser worker, string lepCode, DateOnly start, Sex sex, string given = "Morag", Action<Participant>? with = null) =>
        await app.PersonAsync(lepCode, given: given, dateOfBirth: start.AddYears(-30), with: p =>
        {
            p.Equality.Sex = sex;
            var started = p.StartEngagement(start, ReferralSource.Self, [FundingStream.NoOneLeftBehind], worker.Id, worker.Id, CaseData.Today, DateTime.UtcNow);
            Assert.True(started.Succeeded, started.Error);
            with?.Invoke(p);
        });

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement RowFor(JsonElement values, string group) =>
        values.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("groups")[0].GetString() == group);

    [Fact]
    public async Task The_indicator_definitions_are_public_and_cover_the_five_themes()
    {
        using var client = app.CreateClient();

        var catalogue = await JsonAsync(await client.GetAsync("/api/v1/indicators"));

        var indicators = catalogue.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(["Experience", "Progression", "Reach", "Skills", "Value"], indicators.Select(i => i.GetProperty("theme").GetString()).Distinct().Order());
        var starts = indicators.Single(i => i.GetProperty("code").GetString() == "starts");
        Assert.Equal("Start date in the period", starts.GetProperty("periodRule").GetString());
        Assert.Contains("sex", starts.GetProperty("breakdowns").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal("Live", indicators.Single(i => i.GetProperty("code").GetString() == "cost-per-start").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_team_leader_sees_their_own_lep_by_sex_unsuppressed()
    {
        var worker = await app.StaffAsync(Role.KeyWorker);
        var start = new DateOnly(2024, 2, 10);
        for (var i = 0; i < 3; i++)
        {
            await StartAsync(worker, NolbAppFactory.Glasgow, start, Sex.Female);
        }

        await StartAsync(worker, NolbAppFactory.Glasgow, start, Sex.Male);
        await StartAsync(worker, NolbAppFactory.Glasgow, new DateOnly(2024, 4, 1), Sex.Male); // the next quarter
        var fifeWorker = await app.StaffAsync(Role.KeyWorker, NolbAppFactory.Fife);
        await StartAsync(fifeWorker, NolbAppFactory.Fife, start, Sex.Male); // another LEP
        var leader = await app.StaffAsync(Role.TeamLeader);
        using var client = await app.ApiClientAsync(leader.Email!);

        var values = await JsonAsync(await client.GetAsync("/api/v1/indicators/starts/values?quarter=2024-Q1&breakdown=sex"));

        Assert.Equal("Glasgow City", values.GetProperty("area").GetString());
        Assert.False(values.GetProperty("disclosureControlled").GetBoolean());
        Assert.Equal(4, values.GetProperty("total").GetProperty("count").GetInt32());
        Assert.Equal(3, RowFor(values, "Female").GetProperty("count").GetInt32());
        Assert.Equal(1, RowFor(values, "Male").GetProperty("count").GetInt32());
        Assert.Equal("2024-01-01", values.GetProperty("period").GetProperty("from").GetString());
        Assert.False(values.GetProperty("period").GetProperty("provisional").GetBoolean());
    }

    [Fact]
    public async Task Scotland_and_two_way_figures_are_disclosure_controlled_for_lep_users()
    {
        var worker = await app.StaffAsync(Role.KeyWorker);
        var start = new DateOnly(2023, 5, 10);
        for (var i = 0; i < 12; i++)
        {
            await StartAsync(worker, NolbAppFactory.Glasgow, start, Sex.Female);
        }

        for (var i = 0; i < 2; i++)
        {
            await StartAsync(worker, NolbAppFactory.Glasgow, start, Sex.Male);
        }

        var leader = await app.StaffAsync(Role.TeamLeader);
        using var client = await app.ApiClientAsync(leader.Email!);

        var scotland = await JsonAsync(await client.GetAsync("/api/v1/indicators/starts/values?lep=S92000003&quarter=2023-Q2&breakdown=sex"));

        Assert.True(scotland.GetProperty("disclosureControlled").GetBoolean());
        Assert.Equal("Scotland", scotland.GetProperty("area").GetString());
        // 2 men is a small count; 12 women would give it away from the total 14, so both are hidden.
        Assert.Equal("[c]", RowFor(scotland, "Male").GetProperty("countDisplay").GetString());
        Assert.Equal(JsonValueKind.Null, RowFor(scotland, "Male").GetProperty("count").ValueKind);
        Assert.Equal("[c]", RowFor(scotland, "Female").GetProperty("countDisplay").GetString());
        Assert.Equal(14, scotland.GetProperty("total").GetProperty("count").GetInt32());

        var twoWay = await JsonAsync(await client.GetAsync("/api/v1/indicators/starts/values?quarter=2023-Q2&breakdown=sex,age-band"));
        Assert.True(twoWay.GetProperty("disclosureControlled").GetBoolean());
        Assert.All(twoWay.GetProperty("rows").EnumerateArray(), r =>
            Assert.True(r.GetProperty("count").ValueKind == JsonValueKind.Null || r.GetProperty("count").GetInt32() is 0 or >= 5));
    }

    [Fact]
    public async Task Another_leps_figures_answer_404_and_bad_input_names_the_parameter()
    {
        var leader = await app.StaffAsync(Role.TeamLeader);
        using var client = await app.ApiClientAsync(leader.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/indicators/starts/values?lep={NolbAppFactory.Fife}&quarter=2024-Q1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/indicators/no-such-thing/values")).StatusCode);

        var badBreakdown = await client.GetAsync("/api/v1/indicators/starts/values?quarter=2024-Q1&breakdown=shoe-size");
        Assert.Equal(HttpStatusCode.BadRequest, badBreakdown.StatusCode);
        Assert.Contains("breakdown", await badBreakdown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var badQuarter = await client.GetAsync("/api/v1/indicators/starts/values?quarter=2024-Q9");
        Assert.Equal(HttpStatusCode.BadRequest, badQuarter.StatusCode);
        Assert.Contains("2025-Q3", await badQuarter.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Once pending, now computed: no contract of the LEP has spend in that quarter, so there is no cost to show.
        var cost = await JsonAsync(await client.GetAsync("/api/v1/indicators/cost-per-start/values?quarter=2024-Q1"));
        Assert.Equal(JsonValueKind.Null, cost.GetProperty("total").GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task National_statistics_hold_no_count_from_1_to_4_and_no_personal_field()
    {
        var worker = await app.StaffAsync(Role.KeyWorker);
        var fifeWorker = await app.StaffAsync(Role.KeyWorker, NolbAppFactory.Fife);
        var start = new DateOnly(2022, 8, 1);
        var people = new List<Participant>();
        for (var i = 0; i < 9; i++)
        {
            people.Add(await StartAsync(worker, NolbAppFactory.Glasgow, start, i % 3 == 0 ? Sex.Male : Sex.Female, given: "Ishbel"));
        }

        for (var i = 0; i < 3; i++)
        {
            people.Add(await StartAsync(fifeWorker, NolbAppFactory.Fife, start, Sex.Female, given: "Ishbel"));
        }

        var analyst = await app.CreateUserAsync(Role.NationalAnalyst);
        using var client = await app.ApiClientAsync(analyst.Email!);

        var response = await client.GetAsync("/api/v1/statistics/national?quarter=2022-Q3");
        var body = await response.Content.ReadAsStringAsync();
        var statistics = await JsonAsync(response);

        var counts = new List<JsonElement>();
        Collect(statistics, counts);
        Assert.NotEmpty(counts);
        Assert.All(counts, v => Assert.True(v.ValueKind == JsonValueKind.Null || v.GetInt32() is 0 or >= 5, $"a published count of {v}"));
        var starts = statistics.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("title").GetString() == "Starts by LEP and sex");
        Assert.Equal(32, starts.GetProperty("rows").GetArrayLength());
        Assert.Equal(12, starts.GetProperty("scotland").GetProperty("total").GetProperty("value").GetInt32());
        var fife = starts.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("label").GetString() == "Fife");
        Assert.Equal("[c]", fife.GetProperty("total").GetProperty("display").GetString());

        Assert.DoesNotContain("Ishbel", body, StringComparison.Ordinal);
        Assert.All(people, p =>
        {
            Assert.DoesNotContain(p.Reference, body, StringComparison.Ordinal);
            Assert.DoesNotContain(p.FamilyName, body, StringComparison.Ordinal);
            Assert.DoesNotContain(p.Id.ToString(), body, StringComparison.OrdinalIgnoreCase);
        });
        Assert.DoesNotContain("dateOfBirth", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("participantId", body, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Every published count: "value" in table cells and "count"/"denominator" in values.</summary>
    private static void Collect(JsonElement element, List<JsonElement> counts)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name is "value" or "count" or "denominator" && property.Value.ValueKind is JsonValueKind.Number or JsonValueKind.Null)
                {
                    counts.Add(property.Value);
                }
                else
                {
                    Collect(property.Value, counts);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, counts);
            }
        }
    }

    [Fact]
    public async Task Only_national_users_get_the_national_tables()
    {
        var manager = await app.StaffAsync(Role.LepManager);
        using var client = await app.ApiClientAsync(manager.Email!);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/statistics/national?quarter=2025-Q3")).StatusCode);
    }

    [Fact]
    public async Task The_quarterly_return_is_pseudonymised_stable_and_holds_no_names_or_dates_of_birth()
    {
        var worker = await app.StaffAsync(Role.KeyWorker);
        var first = await StartAsync(worker, NolbAppFactory.Glasgow, new DateOnly(2021, 7, 5), Sex.Female, given: "Catriona", with: p =>
        {
            p.Equality.Disabled = YesNo.Yes;
            p.Circumstances.CareExperienced = true;
        });
        var second = await StartAsync(worker, NolbAppFactory.Glasgow, new DateOnly(2021, 8, 5), Sex.Male, given: "Catriona");
        var manager = await app.StaffAsync(Role.LepManager);
        using var client = await app.ApiClientAsync(manager.Email!);

        var response = await client.GetAsync("/api/v1/returns/quarterly?quarter=2021-Q3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        var again = await client.GetStringAsync("/api/v1/returns/quarterly?lep=S12000049&quarter=2021-Q3");

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("PseudonymisedId,Lep,AgeBand,Sex,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        var row = lines.Single(l => l.Contains(",Female,", StringComparison.Ordinal));
        Assert.Contains(",30–49,", row, StringComparison.Ordinal);
        Assert.Contains(",Yes,", row, StringComparison.Ordinal);
        Assert.Contains("2021-07-05", row, StringComparison.Ordinal);
        Assert.Equal(csv, again);

        var pseudonym = row.Split(',')[0];
        Assert.Matches("^[0-9a-f]{32}$", pseudonym);
        var expectedKey = Nolb.Web.Features.Measurement.QuarterlyReturn.LepKey(MeasurementAppFactory.Key, NolbAppFactory.Glasgow);
        Assert.Equal(Nolb.Web.Features.Measurement.QuarterlyReturn.Pseudonym(expectedKey, first.Id), pseudonym);
        var otherLepKey = Nolb.Web.Features.Measurement.QuarterlyReturn.LepKey(MeasurementAppFactory.Key, NolbAppFactory.Fife);
        Assert.NotEqual(pseudonym, Nolb.Web.Features.Measurement.QuarterlyReturn.Pseudonym(otherLepKey, first.Id));
        foreach (var person in new[] { first, second })
        {
            Assert.DoesNotContain(person.Id.ToString(), csv, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(person.FamilyName, csv, StringComparison.Ordinal);
            Assert.DoesNotContain(person.Reference, csv, StringComparison.Ordinal);
            Assert.DoesNotContain(person.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), csv, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Catriona", csv, StringComparison.Ordinal);
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "QuarterlyReturn" && a.ActorUserId == manager.Id));
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task The_quarterly_return_is_only_for_the_leps_own_managers()
    {
        var manager = await app.StaffAsync(Role.LepManager);
        using var managerClient = await app.ApiClientAsync(manager.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await managerClient.GetAsync($"/api/v1/returns/quarterly?lep={NolbAppFactory.Fife}&quarter=2021-Q3")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await managerClient.GetAsync("/api/v1/returns/quarterly?quarter=21Q3")).StatusCode);

        foreach (var role in new[] { Role.NationalAnalyst, Role.TeamLeader, Role.KeyWorker })
        {
            var user = role == Role.NationalAnalyst ? await app.CreateUserAsync(role) : await app.StaffAsync(role);
            using var client = await app.ApiClientAsync(user.Email!);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/returns/quarterly?quarter=2021-Q3")).StatusCode);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;
using static Nolb.Tests.Features.Participants.ParticipantApiClient;

namespace Nolb.Tests.Features.Participants;

/// <summary>The participants API: registration and its duplicate check, audited reads, concurrency-safe updates, search.</summary>
public sealed class ParticipantsApiTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private async Task<(NolbUser User, HttpClient Client)> KeyWorkerAsync(string lep = NolbAppFactory.Glasgow)
    {
        var user = await app.CreateUserAsync(Role.KeyWorker, lep);
        return (user, await app.ApiClientAsync(user.Email!));
    }

    [Fact]
    public async Task Registering_answers_201_with_a_location_and_an_opaque_id_and_stores_the_person_in_the_users_lep()
    {
        var (user, client) = await KeyWorkerAsync();
        var person = Person();

        var response = await client.PostAsJsonAsync("/api/v1/participants", person);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetGuid();
        Assert.NotEqual(Guid.Empty, id);
        Assert.Equal($"/api/v1/participants/{id}", response.Headers.Location!.OriginalString);
        Assert.StartsWith("NLB-", body.GetProperty("reference").GetString(), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Participants.Where(p => p.Id == id).Select(p => new { p.FamilyName, p.LepId, p.CreatedByUserId }).SingleAsync());
        Assert.Equal(person["familyName"], stored.FamilyName);
        Assert.Equal(user.LepId, stored.LepId);
        Assert.Equal(user.Id, stored.CreatedByUserId);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(response.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task Invalid_details_answer_400_naming_each_camel_case_field_and_save_nothing()
    {
        var (_, client) = await KeyWorkerAsync();
        var before = await app.CountAsync<Participant>();

        var response = await client.PostAsJsonAsync("/api/v1/participants", new
        {
            givenName = "",
            nationalInsuranceNumber = "not a number",
            postcode = "nowhere",
            email = "nope",
            highestScqfLevel = 13,
        });

        var fields = await response.ErrorFieldsAsync();
        foreach (var field in new[] { "givenName", "familyName", "dateOfBirth", "nationalInsuranceNumber", "postcode", "email", "preferredContact", "employmentStatusAtStart", "highestScqfLevel" })
        {
            Assert.Contains(field, fields);
        }

        Assert.Equal(before, await app.CountAsync<Participant>());
    }

    [Fact]
    public async Task A_value_that_cannot_be_read_answers_400_naming_the_field()
    {
        var (_, client) = await KeyWorkerAsync();
        var person = Person();
        person["dateOfBirth"] = "1990-13-45";

        var badDate = await client.PostAsJsonAsync("/api/v1/participants", person);
        person["dateOfBirth"] = "1990-01-02";
        person["preferredContact"] = "CarrierPigeon";
        var badChoice = await client.PostAsJsonAsync("/api/v1/participants", person);

        Assert.Equal(["dateOfBirth"], await badDate.ErrorFieldsAsync());
        Assert.Equal(["preferredContact"], await badChoice.ErrorFieldsAsync());
    }

    [Fact]
    public async Task The_same_name_and_date_of_birth_in_the_lep_answers_409_with_the_candidates_until_confirmed()
    {
        var (_, client) = await KeyWorkerAsync();
        var (_, colleague) = await KeyWorkerAsync();
        var first = Person();
        var existing = await client.RegisterAsync(first);
        var reference = await app.WithDbAsync(db => db.Participants.Where(p => p.Id == existing).Select(p => p.Reference).SingleAsync());
        var again = Person(((string)first["familyName"]!).ToUpperInvariant(), DateOnly.Parse((string)first["dateOfBirth"]!, System.Globalization.CultureInfo.InvariantCulture), "MORAG");
        var before = await app.CountAsync<Participant>();

        var refused = await colleague.PostAsJsonAsync("/api/v1/participants", again);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var candidate = Assert.Single((await refused.JsonAsync()).GetProperty("duplicates").EnumerateArray());
        Assert.Equal(existing, candidate.GetProperty("id").GetGuid());
        Assert.Equal(reference, candidate.GetProperty("reference").GetString());
        Assert.Equal($"Morag {first["familyName"]}", candidate.GetProperty("name").GetString());
        Assert.Equal(before, await app.CountAsync<Participant>());

        again["confirmNotDuplicate"] = true;
        var confirmed = await colleague.PostAsJsonAsync("/api/v1/participants", again);

        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        Assert.Equal(before + 1, await app.CountAsync<Participant>());
    }

    [Fact]
    public async Task The_same_national_insurance_number_is_a_likely_duplicate_even_under_another_name()
    {
        var (_, client) = await KeyWorkerAsync();
        var nino = $"AB{Random.Shared.Next(0, 999999):D6}C";
        var first = Person();
        first["nationalInsuranceNumber"] = nino;
        var existing = await client.RegisterAsync(first);
        var second = Person();
        second["nationalInsuranceNumber"] = nino.Insert(2, " ").ToLowerInvariant();

        var refused = await client.PostAsJsonAsync("/api/v1/participants", second);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var candidate = Assert.Single((await refused.JsonAsync()).GetProperty("duplicates").EnumerateArray());
        Assert.Equal(existing, candidate.GetProperty("id").GetGuid());
        Assert.Equal("same National Insurance number", candidate.GetProperty("why").GetString());
    }

    [Fact]
    public async Task The_same_person_in_another_lep_is_not_a_duplicate_and_is_never_shown()
    {
        var (_, glasgow) = await KeyWorkerAsync(NolbAppFactory.Glasgow);
        var (_, fife) = await KeyWorkerAsync(NolbAppFactory.Fife);
        var person = Person();
        await glasgow.RegisterAsync(new(person));

        var response = await fife.PostAsJsonAsync("/api/v1/participants", person);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Registering_in_another_lep_is_refused_and_creates_nothing()
    {
        var (_, fife) = await KeyWorkerAsync(NolbAppFactory.Fife);
        var person = Person();
        person["lepCode"] = NolbAppFactory.Glasgow;

        var response = await fife.PostAsJsonAsync("/api/v1/participants", person);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var familyName = (string)person["familyName"]!;
        Assert.False(await app.WithDbAsync(db => db.Participants.AnyAsync(p => p.FamilyName == familyName)));

        person["lepCode"] = NolbAppFactory.Fife;
        Assert.Equal(HttpStatusCode.Created, (await fife.PostAsJsonAsync("/api/v1/participants", person)).StatusCode);
    }

    [Fact]
    public async Task Reading_a_record_is_audited_and_gives_the_derived_age_band_and_guarantee_eligibility()
    {
        var (user, client) = await KeyWorkerAsync();
        var person = Person(dateOfBirth: Today.AddYears(-20));
        person["equality"] = new { sex = "Female", ethnicity = "WhiteScottish" };
        var id = await client.RegisterAsync(person);
        int Reads(Nolb.Web.Data.NolbDbContext db) => db.AuditEntries.Count(a =>
            a.Action == AuditAction.Read && a.EntityType == nameof(Participant) && a.EntityId == id.ToString() && a.ActorUserId == user.Id);
        var before = await app.WithDbAsync(db => Task.FromResult(Reads(db)));

        var response = await client.GetAsync($"/api/v1/participants/{id}");
        await client.GetAsync($"/api/v1/participants/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 2, await app.WithDbAsync(db => Task.FromResult(Reads(db))));
        var body = await response.JsonAsync();
        Assert.Equal(20, body.GetProperty("age").GetInt32());
        Assert.Equal("From20To24", body.GetProperty("ageBand").GetString());
        Assert.True(body.GetProperty("youngPersonsGuaranteeEligible").GetBoolean());
        Assert.Equal(NolbAppFactory.Glasgow, body.GetProperty("lepCode").GetString());
        Assert.Equal("Female", body.GetProperty("equality").GetProperty("sex").GetString());
        Assert.Equal("WhiteScottish", body.GetProperty("equality").GetProperty("ethnicity").GetString());
    }

    [Theory]
    [InlineData(25, false, "From25To29", false)]
    [InlineData(25, true, "From25To29", true)]
    [InlineData(16, false, "From16To19", true)]
    [InlineData(50, false, "Over50", false)]
    public async Task Age_band_and_guarantee_eligibility_follow_the_date_of_birth_and_care_experience(int years, bool careExperienced, string band, bool eligible)
    {
        var (_, client) = await KeyWorkerAsync();
        var person = Person(dateOfBirth: Today.AddYears(-years));
        person["circumstances"] = new { careExperienced };
        var id = await client.RegisterAsync(person);

        var body = await (await client.GetAsync($"/api/v1/participants/{id}")).JsonAsync();

        Assert.Equal(band, body.GetProperty("ageBand").GetString());
        Assert.Equal(eligible, body.GetProperty("youngPersonsGuaranteeEligible").GetBoolean());
    }

    [Fact]
    public async Task An_update_with_the_current_etag_saves_and_gives_a_new_etag()
    {
        var (_, client) = await KeyWorkerAsync();
        var person = Person();
        var id = await client.RegisterAsync(person);
        var read = await client.GetAsync($"/api/v1/participants/{id}");
        var etag = read.Headers.ETag!;
        person["familyName"] = "Changed" + UniqueName();
        person["postcode"] = "g1 1xq";

        var saved = await PutAsync(client, id, person, etag.Tag);

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.NotEqual(etag.Tag, saved.Headers.ETag!.Tag);
        var body = await (await client.GetAsync($"/api/v1/participants/{id}")).JsonAsync();
        Assert.Equal(person["familyName"], body.GetProperty("familyName").GetString());
        Assert.Equal("G1 1XQ", body.GetProperty("postcode").GetString());
        Assert.Equal($"\"{body.GetProperty("version").GetGuid()}\"", saved.Headers.ETag.Tag);
    }

    [Fact]
    public async Task A_stale_etag_answers_412_and_changes_nothing()
    {
        var (_, first) = await KeyWorkerAsync();
        var (_, second) = await KeyWorkerAsync();
        var person = Person();
        var id = await first.RegisterAsync(person);
        var etag = (await first.GetAsync($"/api/v1/participants/{id}")).Headers.ETag!.Tag;
        var staleEtag = (await second.GetAsync($"/api/v1/participants/{id}")).Headers.ETag!.Tag;
        Assert.Equal(etag, staleEtag);

        person["familyName"] = "FirstEditor";
        var saved = await PutAsync(first, id, person, etag);
        var afterFirst = await app.WithDbAsync(db => db.Participants.Where(p => p.Id == id).Select(p => new { p.FamilyName, p.Version }).SingleAsync());
        person["familyName"] = "SecondEditor";
        var stale = await PutAsync(second, id, person, staleEtag);

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var afterSecond = await app.WithDbAsync(db => db.Participants.Where(p => p.Id == id).Select(p => new { p.FamilyName, p.Version }).SingleAsync());
        Assert.Equal("FirstEditor", afterSecond.FamilyName);
        Assert.Equal(afterFirst.Version, afterSecond.Version);
    }

    [Fact]
    public async Task An_update_without_if_match_answers_428_and_changes_nothing()
    {
        var (_, client) = await KeyWorkerAsync();
        var person = Person();
        var id = await client.RegisterAsync(person);
        person["familyName"] = "NoPrecondition";

        var response = await client.PutAsJsonAsync($"/api/v1/participants/{id}", person);
        var wildcard = await PutAsync(client, id, person, "*");

        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, wildcard.StatusCode);
        Assert.NotEqual("NoPrecondition", await app.WithDbAsync(db => db.Participants.Where(p => p.Id == id).Select(p => p.FamilyName).SingleAsync()));
    }

    [Fact]
    public async Task An_invalid_update_answers_400_naming_the_field_and_changes_nothing()
    {
        var (_, client) = await KeyWorkerAsync();
        var person = Person();
        var id = await client.RegisterAsync(person);
        var etag = (await client.GetAsync($"/api/v1/participants/{id}")).Headers.ETag!.Tag;
        var familyName = person["familyName"];
        person["familyName"] = "";
        person["email"] = "not-an-email";

        var response = await PutAsync(client, id, person, etag);

        var fields = await response.ErrorFieldsAsync();
        Assert.Contains("familyName", fields);
        Assert.Contains("email", fields);
        Assert.Equal(familyName, await app.WithDbAsync(db => db.Participants.Where(p => p.Id == id).Select(p => p.FamilyName).SingleAsync()));
    }

    [Fact]
    public async Task A_key_worker_reads_a_colleagues_case_but_cannot_change_it()
    {
        var (_, owner) = await KeyWorkerAsync();
        var (_, colleague) = await KeyWorkerAsync();
        var person = Person();
        var id = await owner.RegisterAsync(person);
        await owner.StartEngagementAsync(id);
        var read = await colleague.GetAsync($"/api/v1/participants/{id}");
        person["familyName"] = "NotMine";

        var response = await PutAsync(colleague, id, person, read.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual("NotMine", await app.WithDbAsync(db => db.Participants.Where(p => p.Id == id).Select(p => p.FamilyName).SingleAsync()));
    }

    [Fact]
    public async Task Search_finds_people_in_the_lep_by_name_reference_or_date_of_birth_a_page_at_a_time()
    {
        var (_, glasgow) = await KeyWorkerAsync(NolbAppFactory.Glasgow);
        var (_, fife) = await KeyWorkerAsync(NolbAppFactory.Fife);
        var family = UniqueName();
        var dateOfBirth = Today.AddYears(-33).AddDays(-Random.Shared.Next(0, 300));
        var ids = new List<Guid>();
        foreach (var given in new[] { "Ailsa", "Bruce", "Catriona" })
        {
            ids.Add(await glasgow.RegisterAsync(Person(family, dateOfBirth, given)));
        }

        await fife.RegisterAsync(Person(family, dateOfBirth, "Fifer"));
        var reference = await app.WithDbAsync(db => db.Participants.Where(p => p.Id == ids[1]).Select(p => p.Reference).SingleAsync());

        var page1 = await glasgow.GetFromJsonAsync<JsonElement>($"/api/v1/participants?search={family.ToLowerInvariant()}&page=1&pageSize=2");
        var page2 = await glasgow.GetFromJsonAsync<JsonElement>($"/api/v1/participants?search={family}&page=2&pageSize=2");
        var byReference = await glasgow.GetFromJsonAsync<JsonElement>($"/api/v1/participants?search={reference.ToLowerInvariant()}");
        var byDate = await glasgow.GetFromJsonAsync<JsonElement>($"/api/v1/participants?search={dateOfBirth:dd/MM/yyyy}");

        static List<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(3, page1.GetProperty("total").GetInt32());
        Assert.Equal(ids[..2], Ids(page1));
        Assert.Equal([ids[2]], Ids(page2));
        Assert.Equal([ids[1]], Ids(byReference));
        Assert.Equal(ids.Order().ToList(), Ids(byDate).Intersect(ids).Order().ToList());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    public async Task Search_paging_out_of_range_answers_400_naming_the_parameter(string query, string field)
    {
        var (_, client) = await KeyWorkerAsync();

        var response = await client.GetAsync($"/api/v1/participants?{query}");

        Assert.Equal([field], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_participant_and_engagement_endpoints()
    {
        using var anonymous = app.CreateClient();

        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var (path, method) in new[]
        {
            ("/api/v1/participants", "post"), ("/api/v1/participants", "get"), ("/api/v1/participants/{id}", "get"),
            ("/api/v1/participants/{id}", "put"), ("/api/v1/participants/{id}/engagements", "post"),
            ("/api/v1/engagements/{id}", "get"), ("/api/v1/engagements/{id}/stage", "post"), ("/api/v1/engagements/{id}/close", "post"),
            ("/api/v1/engagements/{id}/reassign", "post"), ("/api/v1/participants/{id}/consents", "post"),
            ("/api/v1/participants/{id}/consents/{consentId}/withdraw", "post"), ("/api/v1/participants/{id}/transfer", "post"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out _), $"{method} {path} is not in the OpenAPI document");
        }
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, Dictionary<string, object?> person, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/participants/{id}") { Content = JsonContent.Create(person) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }
}

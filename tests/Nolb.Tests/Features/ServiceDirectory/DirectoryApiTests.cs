using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.ServiceDirectory;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.ServiceDirectory;

/// <summary>The directory API and its HSDS import and export.</summary>
public sealed class DirectoryApiTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static readonly int[] BadStages = [6];
    private static readonly string[] BadInterventions = ["juggling"];

    private static object NewService(Guid organisationId, string name, string? lepCode = NolbAppFactory.Glasgow) => new
    {
        name,
        description = "Paid work placements with local employers",
        organisationId,
        lepCode,
        kind = "Employability",
        minimumAge = 16,
        maximumAge = 29,
        targetGroups = new[] { "YoungPeople", "CareExperienced" },
        stages = new[] { 3, 4 },
        interventionTypes = new[] { "work-experience", "job-search" },
        cost = "Free",
        placesPerQuarter = 25,
        referralMethod = "Refer through Nolb",
        contactName = "Jo Bell",
        contactEmail = "jo@example.org",
        contactPhone = "0141 496 0100",
        website = "https://example.org/placements",
        fundingSource = "No One Left Behind",
        locations = new[] { new { name = "Bridgeton hub", addressLine = "1 Main Street", town = "Glasgow", postcode = "g40 1aa" } },
        schedules = new[] { new { byDay = "MO,WE", opensAt = "09:30", closesAt = "16:00", description = "Drop in" } },
    };

    [Fact]
    public async Task A_manager_adds_a_service_to_their_own_lep_and_search_finds_it_by_stage_group_intervention_and_keyword()
    {
        var manager = await app.StaffAsync(Role.LepManager);
        var org = await app.OrganisationAsync();
        var name = CaseData.UniqueName("Placements");
        using var client = await app.ApiClientAsync(manager.Email!);

        var created = await (await client.PostAsJsonAsync("/api/v1/directory/services", NewService(org.Id, name))).JsonOkAsync(HttpStatusCode.Created);
        var intoFife = await client.PostAsJsonAsync("/api/v1/directory/services", NewService(org.Id, name + "x", NolbAppFactory.Fife));

        Assert.Equal("G40 1AA", created.GetProperty("locations")[0].GetProperty("postcode").GetString());
        Assert.Contains("lepCode", await intoFife.ErrorFieldsAsync());
        Assert.Contains(name, await client.GetStringAsync($"/api/v1/directory/services?keyword={name}&stage=3&targetGroup=CareExperienced&intervention=job-search"), StringComparison.Ordinal);
        Assert.DoesNotContain(name, await client.GetStringAsync($"/api/v1/directory/services?keyword={name}&stage=1"), StringComparison.Ordinal);
        Assert.DoesNotContain(name, await client.GetStringAsync($"/api/v1/directory/services?keyword={name}&intervention=case-management"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_names_every_field_and_saves_nothing()
    {
        var manager = await app.StaffAsync(Role.LepManager);
        using var client = await app.ApiClientAsync(manager.Email!);

        var response = await client.PostAsJsonAsync("/api/v1/directory/services", new
        {
            name = "",
            lepCode = NolbAppFactory.Glasgow,
            minimumAge = 30,
            maximumAge = 20,
            stages = BadStages,
            interventionTypes = BadInterventions,
            contactEmail = "not-an-email",
        });

        var fields = await response.ErrorFieldsAsync();
        Assert.Equal(["contactEmail", "interventionTypes", "kind", "maximumAge", "name", "organisationId", "stages"], fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Another_leps_service_answers_404_and_a_stale_version_answers_409()
    {
        var org = await app.OrganisationAsync();
        var service = await app.ServiceAsync(org);
        var fifeWorker = await app.StaffAsync(Role.KeyWorker, NolbAppFactory.Fife);
        var fifeManager = await app.StaffAsync(Role.LepManager, NolbAppFactory.Fife);
        var manager = await app.StaffAsync(Role.LepManager);
        using var fife = await app.ApiClientAsync(fifeWorker.Email!);
        using var fifeManaging = await app.ApiClientAsync(fifeManager.Email!);
        using var client = await app.ApiClientAsync(manager.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/api/v1/directory/services/{service.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fifeManaging.PutAsJsonAsync($"/api/v1/directory/services/{service.Id}", NewService(org.Id, "Taken over"))).StatusCode);
        var current = await (await client.GetAsync($"/api/v1/directory/services/{service.Id}")).JsonOkAsync();
        var version = current.GetProperty("version").GetGuid();
        var first = await client.PutAsJsonAsync($"/api/v1/directory/services/{service.Id}", Versioned(NewService(org.Id, "First change"), version));
        var second = await client.PutAsJsonAsync($"/api/v1/directory/services/{service.Id}", Versioned(NewService(org.Id, "Second change"), version));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("First change", (await (await client.GetAsync($"/api/v1/directory/services/{service.Id}")).JsonOkAsync()).GetProperty("name").GetString());
    }

    private static Dictionary<string, object?> Versioned(object service, Guid version)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(service);
        var dictionary = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(json)!;
        dictionary["version"] = version;
        return dictionary;
    }

    [Fact]
    public async Task Hsds_json_and_csv_exports_round_trip_through_an_empty_database_unchanged()
    {
        using var admin = await app.AdminApiClientAsync();
        var org = await app.OrganisationAsync();
        (await admin.PostAsJsonAsync("/api/v1/directory/services", NewService(org.Id, CaseData.UniqueName("Round")))).EnsureSuccessStatusCode();
        var national = await app.OrganisationAsync(lepCode: null);
        (await admin.PostAsJsonAsync("/api/v1/directory/services", NewService(national.Id, CaseData.UniqueName("National"), null))).EnsureSuccessStatusCode();
        var json = await admin.GetByteArrayAsync("/api/v1/directory/export?format=hsds-json");
        var csv = await admin.GetByteArrayAsync("/api/v1/directory/export?format=hsds-csv");

        await using var empty = new NolbAppFactory();
        await empty.InitializeAsync();
        using var emptyAdmin = await empty.AdminApiClientAsync();
        var imported = await (await emptyAdmin.PostAsync("/api/v1/directory/import", Body(json, "application/json"))).JsonOkAsync();
        var jsonAgain = await emptyAdmin.GetByteArrayAsync("/api/v1/directory/export?format=hsds-json");
        var csvAgain = await emptyAdmin.GetByteArrayAsync("/api/v1/directory/export?format=hsds-csv");

        Assert.True(imported.GetProperty("created").GetInt32() >= 2);
        Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(jsonAgain));
        Assert.Equal(Files(csv), Files(csvAgain));
        Assert.Contains("\"taxonomy\": \"nolb-annex1-intervention\"", Encoding.UTF8.GetString(json), StringComparison.Ordinal);
        Assert.Contains("services.csv", Files(csv).Keys);
    }

    [Fact]
    public async Task The_csv_package_imports_into_an_empty_database_and_reimporting_it_updates_rather_than_duplicates()
    {
        using var admin = await app.AdminApiClientAsync();
        var org = await app.OrganisationAsync();
        (await admin.PostAsJsonAsync("/api/v1/directory/services", NewService(org.Id, CaseData.UniqueName("Csv")))).EnsureSuccessStatusCode();
        var csv = await admin.GetByteArrayAsync("/api/v1/directory/export?format=hsds-csv");

        await using var empty = new NolbAppFactory();
        await empty.InitializeAsync();
        using var emptyAdmin = await empty.AdminApiClientAsync();
        var first = await (await emptyAdmin.PostAsync("/api/v1/directory/import", Body(csv, "application/zip"))).JsonOkAsync();
        var count = await empty.CountAsync<DirectoryService>();
        var locations = await empty.CountAsync<ServiceLocation>();
        var second = await (await emptyAdmin.PostAsync("/api/v1/directory/import", Body(csv, "application/zip"))).JsonOkAsync();

        Assert.Equal(0, second.GetProperty("created").GetInt32());
        Assert.Equal(first.GetProperty("created").GetInt32(), second.GetProperty("updated").GetInt32());
        Assert.Equal(count, await empty.CountAsync<DirectoryService>());
        Assert.Equal(locations, await empty.CountAsync<ServiceLocation>());
        Assert.Equal(Files(csv), Files(await emptyAdmin.GetByteArrayAsync("/api/v1/directory/export?format=hsds-csv")));
    }

    [Fact]
    public async Task A_bad_file_is_reported_by_row_and_field_and_changes_nothing()
    {
        var manager = await app.StaffAsync(Role.LepManager);
        using var client = await app.ApiClientAsync(manager.Email!);
        var orgId = Guid.NewGuid();
        var goodId = Guid.NewGuid();
        var json = $$$"""
        [
          {"id":"{{{goodId}}}","name":"Good service","status":"active","organization":{"id":"{{{orgId}}}","name":"New Partner {{{goodId:N}}}"}},
          {"id":"not-a-uuid","name":"Bad id","status":"active","organization_id":"{{{orgId}}}"},
          {"id":"{{{Guid.NewGuid()}}}","name":"","status":"open","minimum_age":"sixteen","organization_id":"{{{orgId}}}"},
          {"id":"{{{Guid.NewGuid()}}}","name":"Orphan","status":"active","organization_id":"{{{Guid.NewGuid()}}}",
           "schedules":[{"id":"{{{Guid.NewGuid()}}}","freq":"WEEKLY","byday":"MO","opens_at":"9am"}]}
        ]
        """;
        var before = await app.CountAsync<DirectoryService>();
        var organisationsBefore = await app.CountAsync<Web.Domain.Organisation>();

        var response = await client.PostAsync("/api/v1/directory/import", Body(Encoding.UTF8.GetBytes(json), "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problems = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("where").GetString()}|{p.GetProperty("field").GetString()}").ToList();
        Assert.Contains("contents[1]|id", problems);
        Assert.Contains("contents[2]|status", problems);
        Assert.Contains("contents[2]|minimum_age", problems);
        Assert.Contains("contents[3]|organization_id", problems);
        Assert.Contains("contents[3].schedules[0]|opens_at", problems);
        Assert.Equal(before, await app.CountAsync<DirectoryService>());
        Assert.Equal(organisationsBefore, await app.CountAsync<Web.Domain.Organisation>());
    }

    [Fact]
    public async Task A_file_whose_rows_fail_the_directory_rules_is_rolled_back_whole()
    {
        var manager = await app.StaffAsync(Role.LepManager);
        using var client = await app.ApiClientAsync(manager.Email!);
        var orgId = Guid.NewGuid();
        var json = $$$"""
        [
          {"id":"{{{Guid.NewGuid()}}}","name":"Fine","status":"active","organization":{"id":"{{{orgId}}}","name":"Rollback Partner {{{orgId:N}}}"}},
          {"id":"{{{Guid.NewGuid()}}}","name":"Somewhere else","status":"active","organization_id":"{{{orgId}}}",
           "service_areas":[{"id":"{{{Guid.NewGuid()}}}","name":"Fife","uri":"https://statistics.gov.scot/id/statistical-geography/S12000047"}]}
        ]
        """;
        var before = await app.CountAsync<DirectoryService>();

        var response = await client.PostAsync("/api/v1/directory/import", Body(Encoding.UTF8.GetBytes(json), "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("service_areas.uri", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.CountAsync<DirectoryService>());
        Assert.False(await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Organisations, o => o.Id == orgId)));
    }

    [Fact]
    public async Task A_csv_package_problem_names_the_file_and_row()
    {
        var manager = await app.StaffAsync(Role.LepManager);
        using var client = await app.ApiClientAsync(manager.Email!);
        var zip = Zip(new()
        {
            ["organizations.csv"] = $"id,name\n{Guid.NewGuid()},Org A\n",
            ["services.csv"] = $"id,organization_id,name,status,maximum_age\n{Guid.NewGuid()},{Guid.NewGuid()},A service,active,lots\n",
        });

        var response = await client.PostAsync("/api/v1/directory/import", Body(zip, "application/zip"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"where\":\"services.csv row 2\",\"field\":\"maximum_age\"", text, StringComparison.Ordinal);
        Assert.Contains("\"where\":\"services.csv row 2\",\"field\":\"organization_id\"", text, StringComparison.Ordinal);
    }

    private static ByteArrayContent Body(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    private static Dictionary<string, string> Files(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
    }

    private static byte[] Zip(Dictionary<string, string> files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }
}

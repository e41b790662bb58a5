using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Organisations;

/// <summary>An LEP's records are invisible to other LEPs: a list leaves them out and a direct request answers 404.</summary>
public sealed class OrganisationTenancyTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private async Task<Guid> AddOrganisationAsync(string? lepCode)
    {
        using var admin = await app.AdminApiClientAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/organisations", new
        {
            name = $"Partner {Guid.NewGuid():N}",
            kind = "ThirdSector",
            lepCode,
            website = "https://partner.example.org",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Another_leps_organisation_answers_404_and_is_left_out_of_lists()
    {
        var glasgowOrganisation = await AddOrganisationAsync(NolbAppFactory.Glasgow);
        var fifeOrganisation = await AddOrganisationAsync(NolbAppFactory.Fife);
        var nationalOrganisation = await AddOrganisationAsync(null);
        var keyWorker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        using var client = await app.ApiClientAsync(keyWorker.Email!);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/organisations/{glasgowOrganisation}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/organisations/{nationalOrganisation}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/organisations/{fifeOrganisation}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/organisations/{Guid.NewGuid()}")).StatusCode);

        var listed = (await client.GetFromJsonAsync<JsonElement>("/api/v1/organisations")).EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(glasgowOrganisation, listed);
        Assert.Contains(nationalOrganisation, listed);
        Assert.DoesNotContain(fifeOrganisation, listed);
    }

    [Fact]
    public async Task The_organisations_page_shows_only_the_users_lep_and_national_organisations()
    {
        using var admin = await app.AdminApiClientAsync();
        var fifeName = $"Fife Only {Guid.NewGuid():N}";
        await admin.PostAsJsonAsync("/api/v1/organisations", new { name = fifeName, kind = "College", lepCode = NolbAppFactory.Fife });
        var glasgowName = $"Glasgow Only {Guid.NewGuid():N}";
        await admin.PostAsJsonAsync("/api/v1/organisations", new { name = glasgowName, kind = "College", lepCode = NolbAppFactory.Glasgow });
        var keyWorker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        using var browser = await app.PageClientAsync(keyWorker.Email!);

        var html = await browser.GetStringAsync("/Organisations");

        Assert.Contains(glasgowName, html, StringComparison.Ordinal);
        Assert.DoesNotContain(fifeName, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_administrators_editing_one_organisation_do_not_overwrite_each_other()
    {
        var id = await AddOrganisationAsync(NolbAppFactory.Glasgow);
        var first = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);
        var second = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);
        var version = await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.Version).SingleAsync());
        Dictionary<string, string> Form(string name) => new()
        {
            ["Input.Name"] = name,
            ["Input.Kind"] = "ThirdSector",
            ["Input.LepCode"] = NolbAppFactory.Glasgow,
            ["Input.Version"] = version.ToString(),
        };

        var saved = await first.SubmitFormAsync($"/Organisations/Edit/{id}", Form("First editor's name"));
        var stale = await second.SubmitFormAsync($"/Organisations/Edit/{id}", Form("Second editor's name"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this organisation", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("First editor's name", await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync()));
    }

    [Fact]
    public async Task Invalid_organisation_input_names_each_field_and_saves_nothing()
    {
        using var admin = await app.AdminApiClientAsync();
        var before = await app.CountAsync<Organisation>();

        var response = await admin.PostAsJsonAsync("/api/v1/organisations", new { name = "", lepCode = "S12000999", website = "partner.example", contactEmail = "nope" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "name", "kind", "lepCode", "website", "contactEmail" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"expected an error for {field}: {errors}");
        }

        Assert.Equal(before, await app.CountAsync<Organisation>());
    }
}

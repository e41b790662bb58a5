using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Admin;

public sealed class UsersApiTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static object KeyWorker(string email, string lepCode = NolbAppFactory.Glasgow) => new
    {
        email,
        password = "a-good-long-password",
        displayName = "Morag Key Worker",
        role = "KeyWorker",
        lepCode,
    };

    [Fact]
    public async Task An_administrator_creates_a_glasgow_key_worker_who_can_then_sign_in()
    {
        using var admin = await app.AdminApiClientAsync();
        var email = $"morag-{Guid.NewGuid():N}@glasgow.test";

        var response = await admin.PostAsJsonAsync("/api/v1/users", KeyWorker(email));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("KeyWorker", created.GetProperty("role").GetString());
        Assert.Equal("S12000049", created.GetProperty("lepCode").GetString());
        Assert.Equal($"/api/v1/users/{created.GetProperty("id").GetGuid()}", response.Headers.Location!.OriginalString);

        using var keyWorker = await app.ApiClientAsync(email, "a-good-long-password");
        var me = await keyWorker.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("S12000049", me.GetProperty("lepCode").GetString());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == AuditAction.Create && a.EntityType == nameof(NolbUser) && a.EntityId == created.GetProperty("id").GetGuid().ToString() && a.ActorEmail == NolbAppFactory.AdminEmail)));
    }

    [Fact]
    public async Task A_retired_gss_code_is_accepted_for_its_current_area()
    {
        using var admin = await app.AdminApiClientAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/users", KeyWorker($"old-code-{Guid.NewGuid():N}@glasgow.test", "S12000046"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("S12000049", created.GetProperty("lepCode").GetString());
    }

    public static TheoryData<string, string, string> InvalidUsers => new()
    {
        { """{"password":"a-good-long-password","displayName":"A","role":"KeyWorker","lepCode":"S12000049"}""", "email", "Enter an email address" },
        { """{"email":"not-an-email","password":"a-good-long-password","displayName":"A","role":"KeyWorker","lepCode":"S12000049"}""", "email", "right format" },
        { """{"email":"a@b.test","password":"a-good-long-password","role":"KeyWorker","lepCode":"S12000049"}""", "displayName", "Enter the person's name" },
        { """{"email":"a@b.test","password":"a-good-long-password","displayName":"A","lepCode":"S12000049"}""", "role", "Choose a role" },
        { """{"email":"a@b.test","password":"a-good-long-password","displayName":"A","role":"Wizard","lepCode":"S12000049"}""", "role", "is not a role" },
        { """{"email":"a@b.test","password":"a-good-long-password","displayName":"A","role":"KeyWorker"}""", "lepCode", "Choose the LEP" },
        { """{"email":"a@b.test","password":"a-good-long-password","displayName":"A","role":"KeyWorker","lepCode":"S12999999"}""", "lepCode", "no LEP with the code S12999999" },
        { """{"email":"a@b.test","password":"a-good-long-password","displayName":"A","role":"NationalAnalyst","lepCode":"S12000049"}""", "lepCode", "works nationally" },
        { """{"email":"a@b.test","password":"a-good-long-password","displayName":"A","role":"PartnerWorker","lepCode":"S12000049"}""", "organisationId", "Choose the organisation" },
        { """{"email":"a@b.test","displayName":"A","role":"KeyWorker","lepCode":"S12000049"}""", "password", "at least 12 characters" },
        { """{"email":"a@b.test","password":"short","displayName":"A","role":"KeyWorker","lepCode":"S12000049"}""", "password", "at least 12 characters" },
    };

    [Theory]
    [MemberData(nameof(InvalidUsers))]
    public async Task Invalid_input_names_the_field_and_the_fix_and_creates_nothing(string json, string field, string message)
    {
        using var admin = await app.AdminApiClientAsync();
        var before = await app.WithDbAsync(db => db.Users.CountAsync());

        var response = await admin.PostAsync("/api/v1/users", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_second_account_with_the_same_email_is_refused()
    {
        using var admin = await app.AdminApiClientAsync();
        var email = $"twice-{Guid.NewGuid():N}@glasgow.test";
        await admin.PostAsJsonAsync("/api/v1/users", KeyWorker(email));

        var response = await admin.PostAsJsonAsync("/api/v1/users", KeyWorker(email.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("already exists", problem.GetProperty("errors").GetProperty("email")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_worker_must_belong_to_an_organisation_in_their_lep_or_a_national_one()
    {
        using var admin = await app.AdminApiClientAsync();
        var fifePartner = await admin.PostAsJsonAsync("/api/v1/organisations", new { name = $"Fife Partner {Guid.NewGuid():N}", kind = "ThirdSector", lepCode = NolbAppFactory.Fife });
        var fifePartnerId = (await fifePartner.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            email = $"partner-{Guid.NewGuid():N}@glasgow.test",
            password = "a-good-long-password",
            displayName = "Partner",
            role = "PartnerWorker",
            lepCode = NolbAppFactory.Glasgow,
            organisationId = fifePartnerId,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("organisationId", out _));
    }

    [Fact]
    public async Task Only_administrators_may_create_users()
    {
        var manager = await app.CreateUserAsync(Role.LepManager);
        using var client = await app.ApiClientAsync(manager.Email!);

        var response = await client.PostAsJsonAsync("/api/v1/users", KeyWorker($"x-{Guid.NewGuid():N}@glasgow.test"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Account;

public sealed class AuthApiTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task Login_answers_a_bearer_token_that_the_api_accepts()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = TestUsers.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<NolbAppFactory.TokenResponse>();
        Assert.False(string.IsNullOrEmpty(token!.AccessToken));
        Assert.Equal(3600, token.ExpiresIn);
    }

    [Fact]
    public async Task Me_tells_the_caller_their_email_role_permissions_and_lep()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        using var client = await app.ApiClientAsync(user.Email!);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal(user.Email, me.GetProperty("email").GetString());
        Assert.Equal("KeyWorker", me.GetProperty("role").GetString());
        Assert.Equal("S12000049", me.GetProperty("lepCode").GetString());
        var permissions = me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains(Permissions.Participants.ReadOwnCaseload, permissions);
        Assert.DoesNotContain(Permissions.Users.Manage, permissions);
    }

    [Fact]
    public async Task A_wrong_password_answers_401_problem_details_and_is_audited()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "not-the-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var failures = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SignInFailed && a.ActorUserId == user.Id));
        Assert.Equal(1, failures);
    }

    [Fact]
    public async Task An_unknown_email_fails_exactly_like_a_wrong_password()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        using var client = app.CreateClient();

        var unknown = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@nolb.test", password = "whatever-password" });
        var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "whatever-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var unknownProblem = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        var wrongProblem = await wrong.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(wrongProblem.GetProperty("detail").GetString(), unknownProblem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_password()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        using var client = app.CreateClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "wrong-password-" + attempt });
        }

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = TestUsers.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Account locked", problem.GetProperty("title").GetString());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.LockedOut && a.ActorUserId == user.Id)));
    }

    [Fact]
    public async Task Missing_credentials_answer_a_validation_problem_naming_each_field()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "", password = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.IsDisabled = true;
            return await db.SaveChangesAsync();
        });
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = TestUsers.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401_problem_details()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_forged_token_is_refused()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "CfDJ8-not-a-real-token");

        var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_page_cookie_does_not_authenticate_the_api()
    {
        var user = await app.CreateUserAsync(Role.Administrator);
        using var browser = await app.PageClientAsync(user.Email!);

        var response = await browser.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

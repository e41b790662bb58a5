using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Account;

/// <summary>
/// Signing out ends the session on the server, not only in the browser that asked: a copy of the cookie, or the API's
/// tokens, stop working at once (OWASP Session Management Cheat Sheet, "Manual Session Expiration": the session must be
/// invalidated on the server side).
/// </summary>
public sealed class SignOutTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static readonly Uri Site = new("https://localhost");

    private sealed record Tokens(string AccessToken, string RefreshToken);

    private HttpClient Browser(CookieContainer cookies) => app.CreateDefaultClient(Site, new CookieContainerHandler(cookies));

    private static HttpClient WithToken(HttpClient client, string accessToken)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private async Task<Tokens> LoginAsync(NolbUser user)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = TestUsers.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Tokens>())!;
    }

    [Fact]
    public async Task Signing_out_ends_the_session_for_a_copy_of_its_cookie_too()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        var cookies = new CookieContainer();
        using var browser = Browser(cookies);
        var signIn = await browser.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = TestUsers.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var copied = new CookieContainer();
        copied.Add(cookies.GetCookies(Site));
        using var thief = Browser(copied);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/TwoFactor")).StatusCode);

        var signOut = await browser.SubmitFormAsync("/TwoFactor", [], postUrl: "/Account/SignOut");

        Assert.Equal("/Account/SignedOut", signOut.Headers.Location!.OriginalString);
        var after = await thief.GetAsync("/TwoFactor");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/SignIn", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_in_one_browser_leaves_the_accounts_other_sessions_signed_in()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        using var here = await app.PageClientAsync(user.Email!);
        using var elsewhere = await app.PageClientAsync(user.Email!);
        using var api = WithToken(app.CreateClient(), (await LoginAsync(user)).AccessToken);

        await here.SubmitFormAsync("/TwoFactor", [], postUrl: "/Account/SignOut");

        Assert.Equal(HttpStatusCode.Redirect, (await here.GetAsync("/TwoFactor")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/TwoFactor")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Revoking_either_token_ends_the_api_session_and_its_refresh_token(bool sendAccessToken)
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        var tokens = await LoginAsync(user);
        using var api = WithToken(app.CreateClient(), tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        using var client = app.CreateClient();

        var revoked = await client.PostAsJsonAsync("/api/v1/auth/revoke", new { token = sendAccessToken ? tokens.AccessToken : tokens.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_pair_once_and_coming_back_ends_the_session()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        var tokens = await LoginAsync(user);
        using var client = app.CreateClient();

        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var renewed = (await refreshed.Content.ReadFromJsonAsync<Tokens>())!;
        Assert.NotEqual(tokens.RefreshToken, renewed.RefreshToken);
        using var api = WithToken(app.CreateClient(), renewed.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        // The first refresh token again: someone holds a copy, so the session ends for both (RFC 9700 section 4.14.2).
        var reused = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken });

        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        var afterwards = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = renewed.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_refresh_tokens_too()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        var tokens = await LoginAsync(user);
        using var browser = await app.PageClientAsync(user.Email!);

        await browser.SubmitFormAsync("/Account/SignOutEverywhere", []);

        using var client = app.CreateClient();
        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.UserSessions.CountAsync(s => s.UserId == user.Id && s.EndedAt == null)));
    }

    [Fact]
    public async Task Refresh_and_revoke_without_a_token_answer_a_validation_problem_and_a_made_up_token_changes_nothing()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        var tokens = await LoginAsync(user);
        using var client = app.CreateClient();

        var refresh = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "" });
        var revoke = await client.PostAsJsonAsync("/api/v1/auth/revoke", new { });
        var madeUp = await client.PostAsJsonAsync("/api/v1/auth/revoke", new { token = "CfDJ8-not-a-real-token" });
        var forged = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "CfDJ8-not-a-real-token" });

        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.OK, madeUp.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        using var api = WithToken(app.CreateClient(), tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Account;

public sealed class SignInPageTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task Signing_in_sets_a_secure_http_only_host_cookie_and_shows_the_role_home_page()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        using var client = app.AnonymousPageClient();

        var response = await client.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = TestUsers.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-Nolb=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var home = await client.GetStringAsync("/");
        Assert.Contains("Key worker", home, StringComparison.Ordinal);
        Assert.Contains("Glasgow City", home, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SignIn && a.ActorUserId == user.Id)));
    }

    [Fact]
    public async Task Empty_fields_show_an_error_for_each_and_sign_nobody_in()
    {
        using var client = app.AnonymousPageClient();

        var response = await client.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = "", ["Input.Password"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("Enter your email address", html, StringComparison.Ordinal);
        Assert.Contains("Enter your password", html, StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("__Host-Nolb=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_wrong_password_shows_a_message_that_does_not_reveal_whether_the_account_exists()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        using var client = app.AnonymousPageClient();

        var response = await client.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = "wrong-password" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The email address or password is not right", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_post_without_the_anti_forgery_token_is_refused()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        using var client = app.AnonymousPageClient();

        var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = TestUsers.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var user = await app.CreateUserAsync(Role.Administrator);
        using var client = await app.PageClientAsync(user.Email!);

        var signOut = await client.SubmitFormAsync("/", new(), postUrl: "/Account/SignOut");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var users = await client.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.StartsWith("/Account/SignIn", users.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        using var client = app.AnonymousPageClient();

        var response = await client.SubmitFormAsync(
            "/Account/SignIn",
            new() { ["Input.Email"] = user.Email!, ["Input.Password"] = TestUsers.Password, ["ReturnUrl"] = "https://evil.example/" });

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}

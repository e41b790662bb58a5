using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.TwoFactor;

/// <summary>
/// An authenticator code signs in once. RFC 6238 section 5.2: "the verifier MUST NOT accept the second attempt of the
/// OTP after the successful validation has been issued for the first OTP, which ensures one-time only use of an OTP."
/// These tests sign in without the factory's helpers, which forget the last code on purpose.
/// </summary>
public sealed partial class AuthenticatorCodeReplayTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static string NextCode(string key = TestTotp.Key) => TestTotp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30));

    private static Task<HttpResponseMessage> ApiLoginAsync(HttpClient client, NolbUser user, string code) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = TestUsers.Password, twoFactorCode = code });

    [Fact]
    public async Task An_authenticator_code_gets_one_api_token_and_the_apps_next_code_gets_another()
    {
        var user = await app.CreateUserAsync(Role.Administrator);
        using var client = app.CreateClient();
        var code = TestTotp.Code();

        var first = await ApiLoginAsync(client, user, code);
        var again = await ApiLoginAsync(client, user, code);
        var next = await ApiLoginAsync(client, user, NextCode());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("Sign-in failed", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_one_browser_and_not_a_second()
    {
        var user = await app.CreateUserAsync(Role.NationalAnalyst);
        var code = TestTotp.Code();
        using var first = app.AnonymousPageClient();
        using var second = app.AnonymousPageClient();

        await first.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = TestUsers.Password });
        var signedIn = await first.SubmitFormAsync("/Account/SignInCode", new() { ["Code"] = code });
        await second.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = TestUsers.Password });
        var replayed = await second.SubmitFormAsync("/Account/SignInCode", new() { ["Code"] = code });

        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("The code is not right", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/Measurement/Indicators")).StatusCode);
    }

    [Fact]
    public async Task Two_sign_ins_at_the_same_moment_with_one_code_let_only_one_in()
    {
        var user = await app.CreateUserAsync(Role.Administrator);
        using var one = app.CreateClient();
        using var two = app.CreateClient();
        var code = TestTotp.Code();

        var answers = await Task.WhenAll(ApiLoginAsync(one, user, code), ApiLoginAsync(two, user, code));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized], answers.Select(a => a.StatusCode).Order());
    }

    [Fact]
    public async Task The_code_that_set_up_the_app_cannot_then_sign_in()
    {
        var user = await app.CreateUserAsync(Role.Administrator, twoFactor: false);
        using var pages = await app.PageClientAsync(user.Email!);
        var html = await pages.GetStringAsync("/TwoFactor/SetUp");
        var key = KeyOnPage().Match(html).Groups["key"].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var code = TestTotp.Code(key);
        Assert.Equal("/TwoFactor/RecoveryCodes", (await pages.SubmitFormAsync("/TwoFactor/SetUp", new() { ["Code"] = code })).Headers.Location!.OriginalString);
        using var client = app.CreateClient();

        var replayed = await ApiLoginAsync(client, user, code);
        var next = await ApiLoginAsync(client, user, NextCode(key));

        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LastAuthenticatorStep).SingleAsync()));
    }

    [GeneratedRegex("id=\"authenticator-key\">(?<key>[a-z2-7 ]+)<")]
    private static partial Regex KeyOnPage();
}

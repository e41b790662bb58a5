using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolb.Web.Domain;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.TwoFactor;

public sealed partial class TwoFactorSignInTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Theory]
    [InlineData(Role.Administrator)]
    [InlineData(Role.NationalAnalyst)]
    public async Task A_role_that_needs_two_factor_is_sent_to_set_up_from_every_page_and_refused_by_the_api_until_it_has(Role role)
    {
        var user = await app.CreateUserAsync(role, twoFactor: false);
        using var pages = await app.PageClientAsync(user.Email!);

        var home = await pages.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/TwoFactor/SetUp", home.Headers.Location!.OriginalString);
        var measures = await pages.GetAsync("/Measurement/Indicators");
        Assert.Equal("/TwoFactor/SetUp", measures.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/TwoFactor/SetUp")).StatusCode);

        using var api = await app.ApiClientAsync(user.Email!);
        var me = await api.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Forbidden, me.StatusCode);
        var problem = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Two-factor sign-in is not set up", problem.GetProperty("title").GetString());
        Assert.Contains("/TwoFactor/SetUp", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_up_needs_a_right_first_code_then_shows_ten_recovery_codes_once_and_sign_in_asks_for_a_code()
    {
        var user = await app.CreateUserAsync(Role.Administrator, twoFactor: false);
        using var pages = await app.PageClientAsync(user.Email!);
        var html = await pages.GetStringAsync("/TwoFactor/SetUp");
        var key = KeyOnPage().Match(html).Groups["key"].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.Equal(32, key.Length);
        Assert.Contains($"otpauth://totp/Nolb:{Uri.EscapeDataString(user.Email!)}?secret={key}&amp;issuer=Nolb", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);

        var wrong = await pages.SubmitFormAsync("/TwoFactor/SetUp", new() { ["Code"] = TestTotp.WrongCode(key) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var right = await pages.SubmitFormAsync("/TwoFactor/SetUp", new() { ["Code"] = TestTotp.Code(key) });
        Assert.Equal("/TwoFactor/RecoveryCodes", right.Headers.Location!.OriginalString);
        var codesPage = await pages.GetStringAsync("/TwoFactor/RecoveryCodes");
        var codes = RecoveryCode().Matches(codesPage).Select(m => m.Groups["code"].Value).ToList();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Empty(RecoveryCode().Matches(await pages.GetStringAsync("/TwoFactor/RecoveryCodes")));
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/")).StatusCode);

        // Signing in again now needs the second step.
        using var browser = app.AnonymousPageClient();
        var first = await browser.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = TestUsers.Password });
        Assert.StartsWith("/Account/SignInCode", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Admin/Users")).StatusCode);
        // The set-up code has been used and works only once: the app's next code.
        var signedIn = await browser.SubmitFormAsync("/Account/SignInCode", new() { ["Code"] = TestTotp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)) });
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Admin/Users")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.ActorUserId == user.Id && a.Action == AuditAction.TwoFactorChanged && a.Detail!.StartsWith("switched on"))));
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_audited_and_a_recovery_code_signs_in_once()
    {
        var user = await app.CreateUserAsync(Role.NationalAnalyst);
        List<string> recoveryCodes;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<NolbUser>>();
            recoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(user.Id.ToString()))!, 10))!.ToList();
        }

        using var browser = app.AnonymousPageClient();
        await browser.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = TestUsers.Password });
        var wrong = await browser.SubmitFormAsync("/Account/SignInCode", new() { ["Code"] = TestTotp.WrongCode() });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Measurement/Indicators")).StatusCode);

        var recovered = await browser.SubmitFormAsync("/Account/SignInCode", new() { ["Code"] = recoveryCodes[0].ToLowerInvariant() });
        Assert.Equal("/", recovered.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Measurement/Indicators")).StatusCode);

        using var again = app.AnonymousPageClient();
        await again.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = TestUsers.Password });
        var reused = await again.SubmitFormAsync("/Account/SignInCode", new() { ["Code"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.ActorUserId == user.Id).OrderBy(a => a.Id).ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditAction.SignInFailed && a.Detail == "wrong authenticator code");
        Assert.Contains(audit, a => a.Action == AuditAction.SignIn && a.Detail == $"{SignInMethods.RecoveryCode} (9 left)");
        Assert.Contains(audit, a => a.Action == AuditAction.SignInFailed && a.Detail == "wrong recovery code");
    }

    [Fact]
    public async Task The_api_token_needs_the_code_from_an_account_with_two_factor_sign_in()
    {
        var user = await app.CreateUserAsync(Role.Administrator);
        using var client = app.CreateClient();

        var without = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = TestUsers.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal("Two-factor code required", (await without.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = TestUsers.Password, twoFactorCode = TestTotp.WrongCode() });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var right = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = TestUsers.Password, twoFactorCode = TestTotp.Code() });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);

        var signIns = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.ActorUserId == user.Id && a.Action == AuditAction.SignIn).Select(a => a.Detail).ToListAsync());
        Assert.Equal([SignInMethods.AuthenticatorCode], signIns);
    }

    [Fact]
    public async Task Roles_that_need_it_cannot_switch_it_off_and_others_can()
    {
        var admin = await app.CreateUserAsync(Role.Administrator);
        using var adminPages = await app.PageClientAsync(admin.Email!);
        var refused = await adminPages.GetAsync("/TwoFactor/SwitchOff");
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var keyWorker = await app.CreateUserAsync(Role.KeyWorker, twoFactor: true);
        using var pages = await app.PageClientAsync(keyWorker.Email!);
        var off = await pages.SubmitFormAsync("/TwoFactor/SwitchOff", new());
        Assert.Equal("/TwoFactor", off.Headers.Location!.OriginalString);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == keyWorker.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        using var later = app.AnonymousPageClient();
        var signIn = await later.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = keyWorker.Email!, ["Input.Password"] = TestUsers.Password });
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
    }

    [GeneratedRegex("id=\"authenticator-key\">(?<key>[a-z2-7 ]+)<")]
    private static partial Regex KeyOnPage();

    [GeneratedRegex("<li><code>(?<code>[A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCode();
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolb.Web.Domain;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Account;

/// <summary>Nolb with one working provider ("council", a real OpenIddict server on a real port) and one that is down.</summary>
public sealed class SingleSignOnFactory : NolbAppFactory, IAsyncLifetime
{
    public TestIdentityProvider Provider { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => Provider.NolbSettings("council", downName: "down");

    public new async Task InitializeAsync()
    {
        Provider = await TestIdentityProvider.StartAsync("council");
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

/// <summary>
/// Staff sign in with their organisation's account (ADR 021) through the real authorization code flow with PKCE
/// (RFC 7636) over real HTTP: Nolb's OpenID Connect handler fetches the provider's discovery document and keys,
/// redirects to its authorization endpoint, takes the form_post answer and redeems the code at the token endpoint.
/// </summary>
public sealed partial class SingleSignOnTests(SingleSignOnFactory app) : IClassFixture<SingleSignOnFactory>
{
    private TestIdentityProvider Provider => app.Provider;

    private static string CouncilEmail() => $"person-{Guid.NewGuid():N}@council.test";

    /// <summary>
    /// The browser's part: start at Nolb, follow the redirect to the provider, post its answer back to Nolb's callback,
    /// and follow Nolb to where it decides. Answers Nolb's last response.
    /// </summary>
    private async Task<HttpResponseMessage> SignInWithCouncilAsync(HttpClient nolb, ProviderUser user)
    {
        Provider.Next = user;
        var start = await nolb.GetAsync("/Account/ExternalSignIn?Provider=council");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.StartsWith(Provider.Issuer.ToString(), authorize.ToString(), StringComparison.Ordinal);

        using var browserAtProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await browserAtProvider.GetAsync(authorize);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, html);
        var action = WebUtility.HtmlDecode(FormAction().Match(html).Groups["action"].Value);
        var fields = HiddenInput().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        Assert.Equal("https://localhost/signin-oidc-council", action);

        var callback = await nolb.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return await nolb.GetAsync(callback.Headers.Location);
    }

    private async Task<NolbUser?> UserAsync(string email)
    {
        var normalised = email.ToUpperInvariant();
        return await app.WithDbAsync(db => db.Users.AsNoTracking().Include(u => u.Lep).SingleOrDefaultAsync(u => u.NormalizedEmail == normalised));
    }

    private Task<int> OpenSessionsAsync(Guid userId) =>
        app.WithDbAsync(db => db.UserSessions.CountAsync(s => s.UserId == userId && s.EndedAt == null));

    private Task<List<string?>> AuditDetailsAsync(string email, AuditAction action) =>
        app.WithDbAsync(db => db.AuditEntries.Where(a => a.ActorEmail == email && a.Action == action).Select(a => a.Detail).ToListAsync());

    private async Task<IList<UserLoginInfo>> LoginsAsync(Guid userId)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NolbUser>>();
        return await users.GetLoginsAsync((await users.FindByIdAsync(userId.ToString()))!);
    }

    /// <summary>Signed in means the home page opens as the person (not the set-up page, not the sign-in page).</summary>
    private static async Task AssertSignedInAsync(HttpClient nolb)
    {
        var home = await nolb.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Sign out", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertNotSignedInAsync(HttpClient nolb)
    {
        var page = await nolb.GetAsync("/TwoFactor");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/SignIn", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_offers_each_configured_provider()
    {
        using var browser = app.AnonymousPageClient();
        var page = await (await browser.GetAsync("/Account/SignIn")).Content.ReadAsStringAsync();
        Assert.Contains("Sign in with your Test Council account", page, StringComparison.Ordinal);
        Assert.Contains("Sign in with your Down Council account", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_account_is_linked_by_its_verified_email_with_PKCE_a_session_and_an_audit_entry()
    {
        var email = CouncilEmail();
        var user = await app.CreateUserAsync(Role.KeyWorker, email: email);
        using var browser = app.AnonymousPageClient();
        var subject = Guid.NewGuid().ToString();

        var landed = await SignInWithCouncilAsync(browser, new ProviderUser(subject, email.ToUpperInvariant(), EmailVerified: true));

        // RFC 7636 §4.3: the authorization request carries an S256 code challenge (the token request its verifier, which
        // the provider requires: RequireProofKeyForCodeExchange).
        Assert.Contains("code_challenge_method=S256", Provider.LastAuthorizationQuery, StringComparison.Ordinal);
        Assert.Contains("code_challenge=", Provider.LastAuthorizationQuery, StringComparison.Ordinal);
        Assert.Equal("/", landed.Headers.Location!.OriginalString);
        await AssertSignedInAsync(browser);
        var login = Assert.Single(await LoginsAsync(user.Id));
        Assert.Equal(("oidc-council", subject), (login.LoginProvider, login.ProviderKey));
        Assert.Equal(1, await OpenSessionsAsync(user.Id));
        Assert.Contains("single sign-on (Test Council)", Assert.Single(await AuditDetailsAsync(email, AuditAction.SignIn)), StringComparison.Ordinal);

        // The next time the link finds the account.
        using var again = app.AnonymousPageClient();
        await SignInWithCouncilAsync(again, new ProviderUser(subject, email, EmailVerified: true));
        await AssertSignedInAsync(again);
        Assert.Single(await LoginsAsync(user.Id));
    }

    [Fact]
    public async Task An_unverified_email_is_refused_and_links_nothing()
    {
        var email = CouncilEmail();
        var user = await app.CreateUserAsync(Role.KeyWorker, email: email);
        using var browser = app.AnonymousPageClient();

        var page = await SignInWithCouncilAsync(browser, new ProviderUser(Guid.NewGuid().ToString(), email, EmailVerified: false));

        Assert.Contains("has not verified your email address", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNotSignedInAsync(browser);
        Assert.Empty(await LoginsAsync(user.Id));
        Assert.Equal(0, await OpenSessionsAsync(user.Id));
        Assert.Contains(await AuditDetailsAsync(email, AuditAction.SignInFailed), d => d!.Contains("not verified", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unverified_email_gets_no_account_even_with_a_mapped_group()
    {
        var email = CouncilEmail();
        using var browser = app.AnonymousPageClient();

        var page = await SignInWithCouncilAsync(browser,
            new ProviderUser(Guid.NewGuid().ToString(), email, EmailVerified: false, Groups: ["nolb-key-workers"]));

        Assert.Contains("has not verified your email address", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await UserAsync(email));
    }

    [Fact]
    public async Task An_email_outside_the_allowed_domains_is_refused()
    {
        var email = $"person-{Guid.NewGuid():N}@elsewhere.test";
        var user = await app.CreateUserAsync(Role.KeyWorker, email: email);
        using var browser = app.AnonymousPageClient();

        var page = await SignInWithCouncilAsync(browser, new ProviderUser(Guid.NewGuid().ToString(), email, EmailVerified: true));

        Assert.Contains("is not an address Test Council may sign in to Nolb with", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNotSignedInAsync(browser);
        Assert.Empty(await LoginsAsync(user.Id));
    }

    [Fact]
    public async Task An_unknown_person_whose_groups_map_to_nothing_is_refused_and_no_account_is_made()
    {
        var email = CouncilEmail();
        using var browser = app.AnonymousPageClient();

        var page = await SignInWithCouncilAsync(browser,
            new ProviderUser(Guid.NewGuid().ToString(), email, EmailVerified: true, Groups: ["finance-team"]));

        Assert.Contains("There is no Nolb account for", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNotSignedInAsync(browser);
        Assert.Null(await UserAsync(email));
    }

    [Fact]
    public async Task A_mapped_group_makes_an_account_with_the_rules_role_and_LEP_and_no_password()
    {
        var email = CouncilEmail();
        using var browser = app.AnonymousPageClient();

        await SignInWithCouncilAsync(browser,
            new ProviderUser(Guid.NewGuid().ToString(), email, EmailVerified: true, Name: "Morag Council", Groups: ["finance-team", "nolb-key-workers"]));

        await AssertSignedInAsync(browser);
        var user = await UserAsync(email);
        Assert.NotNull(user);
        Assert.Equal((Role.KeyWorker, NolbAppFactory.Glasgow, "Morag Council"), (user.Role, user.Lep!.Code, user.DisplayName));
        Assert.Null(user.PasswordHash);
        Assert.Single(await LoginsAsync(user.Id));
    }

    [Fact]
    public async Task A_providers_MFA_satisfies_a_role_that_needs_two_factor_sign_in()
    {
        // A national analyst without Nolb's own authenticator: the provider's "mfa" (RFC 8176 §2) stands for it.
        var email = CouncilEmail();
        var analyst = await app.CreateUserAsync(Role.NationalAnalyst, email: email, twoFactor: false);
        using var browser = app.AnonymousPageClient();

        var landed = await SignInWithCouncilAsync(browser, new ProviderUser(Guid.NewGuid().ToString(), email, EmailVerified: true, Mfa: true));

        Assert.Equal("/", landed.Headers.Location!.OriginalString);
        await AssertSignedInAsync(browser);
        Assert.Equal(1, await OpenSessionsAsync(analyst.Id));
        Assert.Contains("multi-factor", Assert.Single(await AuditDetailsAsync(email, AuditAction.SignIn)), StringComparison.Ordinal);

        // An enrolled analyst is not asked for Nolb's code either.
        var enrolledEmail = CouncilEmail();
        await app.CreateUserAsync(Role.NationalAnalyst, email: enrolledEmail);
        using var enrolled = app.AnonymousPageClient();
        var enrolledLanded = await SignInWithCouncilAsync(enrolled, new ProviderUser(Guid.NewGuid().ToString(), enrolledEmail, EmailVerified: true, Mfa: true));
        Assert.Equal("/", enrolledLanded.Headers.Location!.OriginalString);
        await AssertSignedInAsync(enrolled);
    }

    [Fact]
    public async Task Without_the_providers_MFA_Nolbs_own_code_is_still_asked_for()
    {
        var email = CouncilEmail();
        var analyst = await app.CreateUserAsync(Role.NationalAnalyst, email: email);
        using var browser = app.AnonymousPageClient();

        var asked = await SignInWithCouncilAsync(browser, new ProviderUser(Guid.NewGuid().ToString(), email, EmailVerified: true));

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.StartsWith("/Account/SignInCode", asked.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await AssertNotSignedInAsync(browser);
        Assert.Equal(0, await OpenSessionsAsync(analyst.Id));

        var coded = await browser.SubmitFormAsync(asked.Headers.Location.OriginalString, new() { ["Code"] = TestTotp.Code(at: app.Clock.GetUtcNow()) });

        Assert.Equal(HttpStatusCode.Redirect, coded.StatusCode);
        await AssertSignedInAsync(browser);
        Assert.Equal(1, await OpenSessionsAsync(analyst.Id));
        Assert.Contains("single sign-on (oidc-council) and authenticator code", await AuditDetailsAsync(email, AuditAction.SignIn));
    }

    [Fact]
    public async Task Without_the_providers_MFA_a_role_that_needs_two_factors_must_set_up_Nolbs_own()
    {
        var email = CouncilEmail();
        await app.CreateUserAsync(Role.NationalAnalyst, email: email, twoFactor: false);
        using var browser = app.AnonymousPageClient();

        await SignInWithCouncilAsync(browser, new ProviderUser(Guid.NewGuid().ToString(), email, EmailVerified: true));

        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/TwoFactor/SetUp", home.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_provider_that_is_down_gets_a_clear_message_and_password_sign_in_still_works()
    {
        using var browser = app.AnonymousPageClient();

        var page = await browser.GetAsync("/Account/ExternalSignIn?Provider=down");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Nolb could not sign you in with Down Council: its sign-in service did not answer",
            await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var user = await app.CreateUserAsync(Role.KeyWorker);
        await AssertSignedInAsync(await app.PageClientAsync(user.Email!));
    }

    [Fact]
    public async Task Signing_out_ends_the_Nolb_session_and_offers_the_providers_sign_out()
    {
        var email = CouncilEmail();
        var user = await app.CreateUserAsync(Role.KeyWorker, email: email);
        using var browser = app.AnonymousPageClient();
        await SignInWithCouncilAsync(browser, new ProviderUser(Guid.NewGuid().ToString(), email, EmailVerified: true));

        var signOut = await browser.SubmitFormAsync("/TwoFactor", [], postUrl: "/Account/SignOut");

        Assert.Equal("/Account/SignedOut?Provider=council", signOut.Headers.Location!.OriginalString);
        Assert.Equal(0, await OpenSessionsAsync(user.Id));
        await AssertNotSignedInAsync(browser);
        var signedOut = await (await browser.GetAsync(signOut.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("Sign out of your Test Council account too", signedOut, StringComparison.Ordinal);

        // RP-Initiated Logout 1.0 §2: the provider's end_session_endpoint, with where to come back to.
        var providerSignOut = await browser.GetAsync("/Account/SignedOut?handler=Provider&Provider=council");
        Assert.Equal(HttpStatusCode.Redirect, providerSignOut.StatusCode);
        var endSession = providerSignOut.Headers.Location!;
        Assert.StartsWith(new Uri(Provider.Issuer, "connect/endsession").ToString(), endSession.ToString(), StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("https://localhost/signout-callback-oidc-council"), endSession.Query, StringComparison.Ordinal);
        using var browserAtProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await browserAtProvider.GetAsync(endSession);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.StartsWith("https://localhost/signout-callback-oidc-council", back.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Participants_cannot_use_single_sign_on()
    {
        var email = CouncilEmail();
        var participant = await app.CreateUserAsync(Role.Participant, email: email);
        using var browser = app.AnonymousPageClient();

        var page = await SignInWithCouncilAsync(browser, new ProviderUser(Guid.NewGuid().ToString(), email, EmailVerified: true));

        Assert.Contains("is for staff", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await LoginsAsync(participant.Id));
    }

    [Fact]
    public async Task The_administrators_page_lists_the_providers_without_their_secrets()
    {
        var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);

        var page = await (await admin.GetAsync("/Admin/SingleSignOn")).Content.ReadAsStringAsync();

        Assert.Contains("https://localhost/signin-oidc-council", page, StringComparison.Ordinal);
        Assert.Contains("council.test", page, StringComparison.Ordinal);
        Assert.Contains("nolb-key-workers", page, StringComparison.Ordinal);
        Assert.Contains("Set (not shown)", page, StringComparison.Ordinal);
        Assert.DoesNotContain(TestIdentityProvider.ClientSecret, page, StringComparison.Ordinal);
        var keyWorker = await app.CreateUserAsync(Role.KeyWorker);
        var refused = await (await app.PageClientAsync(keyWorker.Email!)).GetAsync("/Admin/SingleSignOn");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}

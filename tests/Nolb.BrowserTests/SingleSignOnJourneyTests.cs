using Microsoft.Playwright;
using Nolb.Tests.Features.Account;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>
/// Issue 29 in a browser: a key worker signs in with their council's account (a real OpenIddict provider on its own
/// port), lands in Nolb signed in, and signs out with the provider's sign-out offered; each page passes axe.
/// Its own Nolb server, so the shared one's sign-in page keeps no provider buttons.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SingleSignOnJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestIdentityProvider provider = null!;

    private NolbServer Server { get; set; } = null!;

    public async Task InitializeAsync()
    {
        provider = await TestIdentityProvider.StartAsync("council");
        Server = new NolbServer(provider.NolbSettings("council"));
        Server.Start();
        provider.NolbBaseUrl = Server.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await provider.DisposeAsync();
    }

    /// <summary>A fresh browser context on this class's own server.</summary>
    private async Task<BrowserSession> OpenAsync()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = Server.BaseAddress.ToString(), Locale = "en-GB", ReducedMotion = ReducedMotion.Reduce });
        return new BrowserSession(await context.NewPageAsync());
    }

    [Fact]
    public async Task A_key_worker_signs_in_with_their_council_account_and_signs_out()
    {
        var email = $"keyworker-{Guid.NewGuid():N}@council.test";
        await Server.WithDbAsync(async db =>
        {
            var user = await Server.CreateUserAsync(Role.KeyWorker, "Council Key Worker");
            user = (await db.Users.FindAsync(user.Id))!;
            user.Email = user.UserName = email;
            user.NormalizedEmail = user.NormalizedUserName = email.ToUpperInvariant();
            return await db.SaveChangesAsync();
        });
        provider.Next = new ProviderUser(Guid.NewGuid().ToString(), email, EmailVerified: true);
        await using var session = await OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/Account/SignIn");
        await session.AssertAccessibleAsync("sign-in page with single sign-on");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with your Test Council account" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(page.Locator(".nolb-header__user")).ToContainTextAsync("Council Key Worker");
        await session.AssertAccessibleAsync("home page after single sign-on");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You have signed out");
        var providerSignOut = page.GetByRole(AriaRole.Link, new() { Name = "Sign out of your Test Council account too" });
        await Expect(providerSignOut).ToBeVisibleAsync();
        await session.AssertAccessibleAsync("signed out, provider's sign-out offered");
        await providerSignOut.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You have signed out");
        Assert.Equal(1, provider.EndSessionRequests);
    }

    [Fact]
    public async Task An_unverified_email_is_refused_with_a_clear_message()
    {
        provider.Next = new ProviderUser(Guid.NewGuid().ToString(), "someone@council.test", EmailVerified: false);
        await using var session = await OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/Account/SignIn");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with your Test Council account" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You could not be signed in");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("has not verified your email address");
        await session.AssertAccessibleAsync("single sign-on refused");
    }
}

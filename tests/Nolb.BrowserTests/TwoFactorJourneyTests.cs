using Microsoft.Playwright;
using Nolb.Tests;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>Issue 11 in a browser: an administrator sets up two-factor sign-in, then signs in with a code and with a recovery code.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class TwoFactorJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Administrator_sets_up_two_factor_then_signs_in_with_a_code_and_with_a_recovery_code_and_a_wrong_code_is_refused()
    {
        var admin = await browser.Server.CreateUserAsync(Role.Administrator, "Two Factor Admin", twoFactor: false);
        await using var session = await browser.OpenAsync();
        var page = session.Page;

        await Pages.SignInAsync(page, admin.Email!, NolbServer.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Set up two-factor sign-in");
        await page.GotoAsync("/Admin/Users");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Set up two-factor sign-in");
        await session.AssertAccessibleAsync("two-factor set-up");

        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("Code from the app").FillAsync(TestTotp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch on two-factor sign-in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your recovery codes");
        var codes = await page.GetByRole(AriaRole.List, new() { Name = "Recovery codes" }).GetByRole(AriaRole.Listitem).AllInnerTextsAsync();
        Assert.Equal(10, codes.Count);
        await session.AssertAccessibleAsync("recovery codes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue to Nolb" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, Two Factor Admin");

        await SignOutAndGiveThePasswordAsync(page, admin.Email!);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Enter your sign-in code");
        await page.GetByLabel("Code").FillAsync(TestTotp.WrongCode(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".ds_error-summary")).ToContainTextAsync("The code is not right");
        await session.AssertAccessibleAsync("sign-in code, wrong code");
        // The set-up code has been used and works only once: the app's next code.
        await page.GetByLabel("Code").FillAsync(TestTotp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, Two Factor Admin");

        await SignOutAndGiveThePasswordAsync(page, admin.Email!);
        await page.GetByLabel("Code").FillAsync(codes[0]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, Two Factor Admin");
        await page.GotoAsync("/TwoFactor");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("You have 9 recovery codes left.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Switch off two-factor sign-in" })).ToHaveCountAsync(0);
        await session.AssertAccessibleAsync("two-factor sign-in, on");
    }

    private static async Task SignOutAndGiveThePasswordAsync(IPage page, string email)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(NolbServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}

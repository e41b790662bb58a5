using Microsoft.Playwright;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>Issue 2 in a browser: accounts made by an administrator, signing in and out, and locking out.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccountJourneyTests(BrowserFixture browser)
{
    /// <summary>The bootstrap administrator creates a Glasgow key worker, who signs in and sees a key worker's home page.</summary>
    [Fact]
    public async Task Administrator_creates_a_Glasgow_key_worker_who_signs_in_to_a_key_workers_home_page()
    {
        var name = $"Morag Key {Guid.NewGuid():N}"[..18];
        var email = $"morag-{Guid.NewGuid():N}@nolb.test";
        const string password = "morag-first-password";
        await using var session = await browser.OpenAsync();
        var page = session.Page;

        await Pages.SignInAsync(page, NolbServer.AdminEmail, NolbServer.AdminPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, Administrator");
        await session.AssertAccessibleAsync("administrator's home page");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a user" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Create a user");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Key worker" });
        await page.GetByLabel("LEP").SelectOptionAsync(new SelectOptionValue { Label = "Glasgow City (S12000049)" });
        await page.GetByLabel("First password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Account created for {name}.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(email);
        await session.AssertAccessibleAsync("the new user's page");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You have signed out");
        await session.AssertAccessibleAsync("signed out");

        await Pages.SignInAsync(page, email, password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Hello, {name}");
        await Expect(page.Locator(".ds_page-header__label")).ToHaveTextAsync("Key worker – Glasgow City LEP");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your open cases" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Register a person" }).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
        await session.AssertAccessibleAsync("the key worker's home page");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_so_pages_ask_for_sign_in_again()
    {
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker, "Signout Worker");
        await using var session = await browser.OpenAsync();
        var page = session.Page;

        await Pages.SignInAsync(page, keyWorker.Email!, NolbServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You have signed out");

        await page.GotoAsync("/Caseload");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Account/SignIn");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in to Nolb");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
    }

    /// <summary>Five wrong passwords lock the account: the right password is then refused too, and the page says why.</summary>
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_password()
    {
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker, "Lockout Worker");
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        var errors = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" });
        await page.GotoAsync("/Account/SignIn");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GetByLabel("Email address").FillAsync(keyWorker.Email!);
            await page.GetByLabel("Password").FillAsync($"wrong-password-{attempt}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            // The answer is a new page, whose password box is empty again.
            await Expect(page.GetByLabel("Password")).ToBeEmptyAsync();
            await Expect(errors).ToContainTextAsync(attempt < 5
                ? "The email address or password is not right."
                : "This account is locked for 15 minutes after too many wrong passwords.");
        }

        await session.AssertAccessibleAsync("sign in, locked out");

        await page.GetByLabel("Email address").FillAsync(keyWorker.Email!);
        await page.GetByLabel("Password").FillAsync(NolbServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByLabel("Password")).ToBeEmptyAsync();
        await Expect(errors).ToContainTextAsync("This account is locked for 15 minutes");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
    }
}

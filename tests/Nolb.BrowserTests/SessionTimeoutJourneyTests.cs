using Microsoft.Playwright;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>
/// Issue 21 point 10 and ADR 018 in a browser: before the idle timeout (Nolb:Sessions:IdleTimeout, 30 minutes here)
/// ends a session, a modal dialog warns and offers to stay signed in (the GOV.UK "Timeout warning" pattern,
/// https://github.com/alphagov/govuk-design-system-backlog/issues/104; WCAG 2.2 SC 2.2.1 Timing Adjustable, at least
/// 20 seconds' warning and a simple action to extend: https://www.w3.org/WAI/WCAG22/Understanding/timing-adjustable). The page's clock is Playwright's fake one, fast-forwarded to the warning,
/// so the test does not wait half an hour; the server's session is real, and what the dialog sends reaches it.
/// That a form sent after the timeout is kept and restored is shown at HTTP level by KeptFormTests.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SessionTimeoutJourneyTests(BrowserFixture browser)
{
    // The warning comes two minutes before the 30-minute idle timeout (session-timeout.js).
    private const string JustPastTheWarning = "28:30";

    [Fact]
    public async Task The_timeout_warning_takes_focus_passes_axe_and_Escape_or_Stay_signed_in_keep_the_session()
    {
        await using var session = await SignedInWithFakeClockAsync("Timeout Worker");
        var page = session.Page;
        var dialog = page.GetByRole(AriaRole.Alertdialog, new() { Name = "You are about to be signed out" });
        await Expect(dialog).ToBeHiddenAsync();

        await page.Clock.FastForwardAsync(JustPastTheWarning);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" })).ToBeFocusedAsync();
        await session.AssertAccessibleAsync("the timeout warning");

        // Escape is the dialog's cancel, which here means "stay signed in": the server renews the session (204).
        var escaped = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Escape"), IsKeepAlive);
        Assert.Equal(204, escaped.Status);
        await Expect(dialog).ToBeHiddenAsync();

        await page.Clock.FastForwardAsync(JustPastTheWarning);
        await Expect(dialog).ToBeVisibleAsync();
        var stayed = await page.RunAndWaitForResponseAsync(() => dialog.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" }).ClickAsync(), IsKeepAlive);
        Assert.Equal(204, stayed.Status);
        await Expect(dialog).ToBeHiddenAsync();

        await page.GotoAsync("/Caseload");
        Assert.Equal("/Caseload", new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Sign_out_in_the_timeout_warning_ends_the_session()
    {
        await using var session = await SignedInWithFakeClockAsync("Timeout Leaver");
        var page = session.Page;

        await page.Clock.FastForwardAsync(JustPastTheWarning);
        var dialog = page.GetByRole(AriaRole.Alertdialog, new() { Name = "You are about to be signed out" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You have signed out");
        await page.GotoAsync("/Caseload");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Account/SignIn");
    }

    /// <summary>A new key worker signed in, on their caseload, with the page's timers on a clock the test moves.</summary>
    private async Task<BrowserSession> SignedInWithFakeClockAsync(string name)
    {
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker, name);
        var session = await browser.OpenAsync();
        await session.Page.Clock.InstallAsync();
        await Pages.SignInAsync(session.Page, keyWorker.Email!, NolbServer.Password);
        await session.Page.GotoAsync("/Caseload");
        return session;
    }

    private static bool IsKeepAlive(IResponse response) =>
        new Uri(response.Url).AbsolutePath == "/Account/KeepAlive" && response.Request.Method == "POST";
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Nolb.BrowserTests;

/// <summary>What every browser test does with pages: sign in, and check a page is WCAG 2.2 AA clean and error-free.</summary>
public static partial class Pages
{
    /// <summary>The axe-core rule tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA.</summary>
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>As long as any other step may take (the context's default): signing in hashes a password, slow on a busy machine.</summary>
    private const float SignInTimeout = 15_000;

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Wait for where signing in leads, not for a load state (which may be read before the navigation starts):
        // signed in, or, for an account with two-factor sign-in, the code page.
        var signedIn = page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        var code = page.GetByLabel("Code", new() { Exact = true });
        await Assertions.Expect(signedIn.Or(code)).ToBeVisibleAsync(new() { Timeout = SignInTimeout });
        if (await code.IsVisibleAsync())
        {
            // Type the code its authenticator app (the test key) shows now. A code works once: if this account signed in
            // with it moments ago, wait for the app's next code, as a person would.
            await code.FillAsync(Nolb.Tests.TestTotp.Code());
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            var used = page.Locator(".ds_error-summary");
            await Assertions.Expect(signedIn.Or(used)).ToBeVisibleAsync(new() { Timeout = SignInTimeout });
            if (await used.IsVisibleAsync())
            {
                var now = DateTimeOffset.UtcNow;
                await Task.Delay(TimeSpan.FromSeconds(30 - (now.ToUnixTimeSeconds() % 30)) + TimeSpan.FromSeconds(1));
                await code.FillAsync(Nolb.Tests.TestTotp.Code());
                await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            }
        }

        await Assertions.Expect(signedIn).ToBeVisibleAsync(new() { Timeout = SignInTimeout });
    }

    /// <summary>
    /// Runs axe-core on the page as it is now and fails with every violation (rule, impact, elements, help)
    /// for WCAG 2.2 A/AA; also fails on console errors, script errors and resources that did not load.
    /// </summary>
    public static async Task AssertAccessibleAsync(this BrowserSession session, string? where = null)
    {
        var page = session.Page;
        where ??= page.Url;
        await page.WaitForLoadStateAsync(LoadState.Load);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
            ResultTypes = [ResultType.Violations],
        });
        Assert.True(result.Violations.Length == 0, Describe(where, result.Violations));
        session.Watch.AssertNoProblems(where);
    }

    private static string Describe(string where, AxeResultItem[] violations)
    {
        var invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder().Append(invariant, $"{violations.Length} accessibility violation(s) on {where}:");
        foreach (var violation in violations)
        {
            text.Append(invariant, $"\n- {violation.Id} ({violation.Impact}): {violation.Help} [{violation.HelpUrl}]");
            foreach (var node in violation.Nodes)
            {
                text.Append(invariant, $"\n    at {node.Target}: {node.Html}");
                foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                {
                    text.Append(invariant, $"\n      {check.Message}");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>A single parent of one, offered 25 hours a week at £12.75; for the sweep and the journeys.</summary>
    public static async Task FillBetterOffAsync(IPage page)
    {
        await page.GetByLabel("Single (one adult)").ChooseAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Adult 1", Exact = true }).GetByLabel("Age", new() { Exact = true }).FillAsync("34");
        await page.GetByRole(AriaRole.Group, new() { Name = "Child 1", Exact = true }).GetByLabel("Age", new() { Exact = true }).FillAsync("6");
        await page.GetByLabel("Rent, £ a month").FillAsync("450");
        await page.GetByLabel("Hours a week", new() { Exact = true }).FillAsync("25");
        await page.GetByLabel("Hourly pay, £").FillAsync("12.75");
        await page.GetByLabel("Childcare costs in work, £ a month").FillAsync("120");
    }

    /// <summary>
    /// Ticks a radio button or checkbox as a person does, by clicking its label: the design system draws the box
    /// on the label, over the real (transparent) input, so the input itself cannot be clicked.
    /// </summary>
    public static async Task ChooseAsync(this ILocator input)
    {
        var id = await input.GetAttributeAsync("id");
        Assert.False(string.IsNullOrEmpty(id), "The input has no id, so no label to click.");
        await input.Page.Locator($"label[for=\"{id}\"]").ClickAsync();
        await Assertions.Expect(input).ToBeCheckedAsync();
    }

    /// <summary>Waits for a page whose path (ignoring the query) matches, e.g. "/Participants/{guid}".</summary>
    public static Task WaitForPathAsync(this IPage page, Regex path) => page.WaitForURLAsync(url => path.IsMatch(new Uri(url).AbsolutePath));

    [GeneratedRegex("^/Participants/[0-9a-f-]{36}$")]
    public static partial Regex RecordPath();
}

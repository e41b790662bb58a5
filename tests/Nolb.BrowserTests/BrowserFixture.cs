using System.Collections.Concurrent;
using Microsoft.Playwright;
using Nolb.Web.Security;

namespace Nolb.BrowserTests;

/// <summary>
/// One Nolb server and one headless Debian chromium for every browser test (the "Browser" collection):
/// each test opens its own browser context (its own cookies) and makes its own data.
/// The browser is never downloaded: it is the system's chromium (NOLB_CHROMIUM, default /usr/bin/chromium).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<Guid, Task<string>> signedInStates = new();
    private readonly ConcurrentDictionary<Type, Task> shared = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public NolbServer Server { get; } = new();

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is not started.");

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("NOLB_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"No chromium at {ChromiumPath}. Run `bash scripts/install-test-deps.sh` (Debian's chromium) or set NOLB_CHROMIUM.");
        }

        Server.Start();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>A fresh browser context (no cookies) whose relative URLs go to the Nolb server.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool javaScript = true, string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Server.BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            StorageState = storageState,
            ViewportSize = new() { Width = 1280, Height = 900 },
            // The design system scrolls smoothly unless the user prefers reduced motion; a smooth scroll keeps
            // an element moving while Playwright waits for it to be still before a click, so tests prefer it too.
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    /// <summary>A new watched page in its own context: anonymous, or already signed in as the given user.</summary>
    public async Task<BrowserSession> OpenAsync(NolbUser? user = null, bool javaScript = true)
    {
        var state = user is null ? null : await signedInStates.GetOrAdd(user.Id, _ => SignInStateAsync(user.Email!, NolbServer.Password));
        var context = await NewContextAsync(javaScript, state);
        return new BrowserSession(await context.NewPageAsync());
    }

    /// <summary>Data made once and shared by the tests of one class (e.g. the accessibility sweep's world).</summary>
    public Task<T> SharedAsync<T>(Func<NolbServer, Task<T>> create) where T : class =>
        (Task<T>)shared.GetOrAdd(typeof(T), _ => create(Server));

    /// <summary>Signs in once through the sign-in page and keeps the cookies, so later tests skip the form.</summary>
    private async Task<string> SignInStateAsync(string email, string password)
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, email, password);
        return await context.StorageStateAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

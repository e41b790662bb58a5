using Microsoft.Playwright;

namespace Nolb.BrowserTests;

/// <summary>
/// Watches a page for what a user would not see but should never happen: console errors (a Content-Security-Policy
/// violation is one), uncaught script errors and stylesheets, scripts or images that fail to load.
/// </summary>
public sealed class PageWatch
{
    private readonly List<string> problems = [];
    private readonly Lock gate = new();

    public PageWatch(IPage page)
    {
        page.Console += (_, message) =>
        {
            // A page answered with an error status (404, 403) logs "Failed to load resource" for the document
            // itself; sub-resources that fail are caught below with their URL.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                Add($"console error: {message.Text} (at {message.Location})");
            }
        };
        page.PageError += (_, error) => Add($"uncaught script error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                Add($"{response.Request.ResourceType} {response.Url} answered {response.Status}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            if (request.ResourceType != "document")
            {
                Add($"{request.ResourceType} {request.Url} failed: {request.Failure}");
            }
        };
    }

    private void Add(string problem)
    {
        lock (gate)
        {
            problems.Add(problem);
        }
    }

    public void AssertNoProblems(string where)
    {
        lock (gate)
        {
            Assert.True(problems.Count == 0, $"On {where}:\n  " + string.Join("\n  ", problems));
        }
    }
}

/// <summary>A browser context with one page in it, watched, closed at the end of the test.</summary>
public sealed class BrowserSession(IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public PageWatch Watch { get; } = new(page);

    public ValueTask DisposeAsync() => new(Page.Context.CloseAsync());
}

using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Features.Account;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Account;

/// <summary>Sign out everywhere, and account recovery by email that does not reveal who has an account.</summary>
public sealed partial class AccountSessionsTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task Signing_out_everywhere_ends_every_browser_session_and_api_token_of_the_account()
    {
        var user = await app.CreateUserAsync(Role.Administrator);
        using var here = await app.PageClientAsync(user.Email!);
        using var elsewhere = await app.PageClientAsync(user.Email!);
        using var api = await app.ApiClientAsync(user.Email!);
        var other = await app.CreateUserAsync(Role.Administrator);
        using var otherBrowser = await app.PageClientAsync(other.Email!);

        var response = await here.SubmitFormAsync("/Account/SignOutEverywhere", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/SignedOut", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await here.GetAsync("/Admin/Users")).StatusCode);
        var page = await elsewhere.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/SignIn", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherBrowser.GetAsync("/Admin/Users")).StatusCode);
    }

    [Fact]
    public async Task A_visitor_is_asked_to_sign_in_before_signing_out_everywhere()
    {
        using var client = app.AnonymousPageClient();

        var response = await client.GetAsync("/Account/SignOutEverywhere");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/SignIn?ReturnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_a_reset_answers_the_same_whether_or_not_the_address_has_an_account()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        var unknown = $"nobody-{Guid.NewGuid():N}@nolb.test";
        using var client = app.AnonymousPageClient();

        var (known, knownTime) = await AskAsync(client, user.Email!);
        var (missing, missingTime) = await AskAsync(client, unknown);

        Assert.Contains("If there is a Nolb account for that address", known, StringComparison.Ordinal);
        Assert.Equal(MainOf(known), MainOf(missing));
        Assert.True(knownTime >= ForgotPasswordModel.MinimumAnswerTime && missingTime >= ForgotPasswordModel.MinimumAnswerTime, $"{knownTime} {missingTime}");
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.To == user.Email)));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.To == unknown)));
    }

    [Fact]
    public async Task The_emailed_link_sets_a_new_password_once_and_ends_the_accounts_sessions()
    {
        var user = await app.CreateUserAsync(Role.Administrator);
        using var session = await app.PageClientAsync(user.Email!);
        using var client = app.AnonymousPageClient();
        await AskAsync(client, user.Email!);
        var link = await LinkAsync(user.Email!);
        const string newPassword = "a-brand-new-long-password";

        var reset = await client.SubmitFormAsync(link, new() { ["Password"] = newPassword, ["ConfirmPassword"] = newPassword });

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/Account/SignIn", reset.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/Admin/Users")).StatusCode);
        using var again = await app.PageClientAsync(user.Email!, newPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Admin/Users")).StatusCode);
        var reused = await client.SubmitFormAsync(link, new() { ["Password"] = "yet-another-long-password", ["ConfirmPassword"] = "yet-another-long-password" });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains(ResetPasswordModel.BadLink, await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_different_new_passwords_or_a_short_one_are_refused_and_change_nothing()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        using var client = app.AnonymousPageClient();
        await AskAsync(client, user.Email!);
        var link = await LinkAsync(user.Email!);

        var different = await client.SubmitFormAsync(link, new() { ["Password"] = "a-brand-new-long-password", ["ConfirmPassword"] = "another-long-password" });
        var tooShort = await client.SubmitFormAsync(link, new() { ["Password"] = "short", ["ConfirmPassword"] = "short" });

        Assert.Contains("Enter the same password twice", await different.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Password: Passwords must be at least 12 characters", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The old password still signs in (PageClientAsync asserts the sign-in worked).
        using var old = await app.PageClientAsync(user.Email!);
    }

    private static async Task<(string Html, TimeSpan Took)> AskAsync(HttpClient client, string email)
    {
        var token = await client.AntiforgeryTokenAsync("/Account/ForgotPassword");
        var started = Stopwatch.GetTimestamp();
        var response = await client.PostAsync("/Account/ForgotPassword",
            new FormUrlEncodedContent([new("Email", email), new("__RequestVerificationToken", token)]));
        var took = Stopwatch.GetElapsedTime(started);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), took);
    }

    private async Task<string> LinkAsync(string email)
    {
        var body = await app.WithDbAsync(db => db.OutboxEmails.Where(e => e.To == email).OrderByDescending(e => e.CreatedAt).Select(e => e.Body).FirstAsync());
        var link = new Uri(LinkIn().Match(body).Value);
        return link.PathAndQuery;
    }

    /// <summary>The page's main content: the anti-forgery token elsewhere on the page differs per request.</summary>
    private static string MainOf(string html) => MainContent().Match(html).Value;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkIn();

    [GeneratedRegex("<main.*?</main>", RegexOptions.Singleline)]
    private static partial Regex MainContent();
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Account;

/// <summary>
/// Typed work is never lost to the idle timeout (20 minutes in this fixture). WCAG 2.2.1 Timing Adjustable asks for a
/// warning with a simple way to extend (https://www.w3.org/WAI/WCAG22/Understanding/timing-adjustable); WCAG 2.2.5
/// Re-authenticating (AAA) asks that data entered is not lost when a session expires. A class of its own because it
/// moves the clock of its fixture.
/// </summary>
public sealed class KeptFormTests(ShortSessionAppFactory app) : IClassFixture<ShortSessionAppFactory>, IDisposable
{
    public void Dispose() => app.Clock.Offset = TimeSpan.Zero;

    private static Dictionary<string, string> Note(string token, string text) => new()
    {
        ["Input.Date"] = CaseData.Today.Iso(),
        ["Input.Text"] = text,
        ["Input.Sensitivity"] = "",
        ["__RequestVerificationToken"] = token,
    };

    private static async Task SignInAgainAsync(HttpClient client, string email)
    {
        var response = await client.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = TestUsers.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>A key worker opens the note form, writes for longer than the idle timeout, and sends it.</summary>
    private async Task<(HttpClient Client, string Url, string Email)> NoteSentAfterTheTimeoutAsync(string text)
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var url = $"/Participants/Engagements/{person.Engagements.Single().Id}/Notes";
        var client = await app.PageClientAsync(keyWorker.Email!);
        var token = await client.AntiforgeryTokenAsync(url);

        app.Clock.Offset += TimeSpan.FromMinutes(25);
        var sent = await client.PostAsync(url, new FormUrlEncodedContent(Note(token, text)));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/Account/SignIn?ReturnUrl={Uri.EscapeDataString(url)}", sent.Headers.Location!.OriginalString);
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseNotes.CountAsync(n => n.Text == text)));
        return (client, url, keyWorker.Email!);
    }

    [Fact]
    public async Task A_case_note_sent_after_the_idle_timeout_is_back_in_the_form_once_the_same_person_signs_in_again()
    {
        const string Text = "Long talk about the college course, the bus fares and childcare on Tuesdays";
        var (client, url, email) = await NoteSentAfterTheTimeoutAsync(Text);
        using var _ = client;

        await SignInAgainAsync(client, email);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(url));
        Assert.Contains("We kept what you typed", page, StringComparison.Ordinal);
        Assert.Contains(Text, page, StringComparison.Ordinal);

        // Sent again, it is saved; and the kept copy is gone, so it is not offered twice.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(url, Note("", Text).Where(f => f.Key != "__RequestVerificationToken").ToDictionary())).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseNotes.CountAsync(n => n.Text == Text)));
        Assert.DoesNotContain(Text, WebUtility.HtmlDecode(await client.GetStringAsync(url)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_else_signing_in_on_that_browser_never_sees_what_was_kept()
    {
        const string Text = "Told me about the housing problem in confidence";
        var (client, url, email) = await NoteSentAfterTheTimeoutAsync(Text);
        using var _ = client;
        var leader = await app.StaffAsync(Role.TeamLeader);

        await SignInAgainAsync(client, leader.Email!);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(url));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        Assert.DoesNotContain(Text, page, StringComparison.Ordinal);
        Assert.DoesNotContain("We kept what you typed", page, StringComparison.Ordinal);

        // Thrown away, not just hidden: the key worker signing in afterwards does not get it either.
        await SignInAgainAsync(client, email);
        Assert.DoesNotContain(Text, WebUtility.HtmlDecode(await client.GetStringAsync(url)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_forms_token_keeps_nothing()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var url = $"/Participants/Engagements/{person.Engagements.Single().Id}/Notes";
        using var client = await app.PageClientAsync(keyWorker.Email!);

        app.Clock.Offset += TimeSpan.FromMinutes(25);
        var sent = await client.PostAsync(url, new FormUrlEncodedContent(Note("forged", "Planted text")));

        Assert.False(sent.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".nolb.kept-form=", StringComparison.Ordinal)));
        await SignInAgainAsync(client, keyWorker.Email!);
        Assert.DoesNotContain("Planted text", await client.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_say_the_idle_timeout_and_stay_signed_in_extends_the_session()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var home = await client.GetStringAsync("/Caseload");
        Assert.Contains("<meta name=\"nolb-session-idle-seconds\" content=\"1200\">", home, StringComparison.Ordinal);
        Assert.Contains("role=\"alertdialog\"", home, StringComparison.Ordinal);
        var token = await client.AntiforgeryTokenAsync("/Account/KeepAlive");

        app.Clock.Offset += TimeSpan.FromMinutes(15);
        using var keepAlive = new HttpRequestMessage(HttpMethod.Post, "/Account/KeepAlive")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        keepAlive.Headers.Add("X-Nolb-Keep-Alive", "1");
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(keepAlive)).StatusCode);

        // 30 minutes after the page was loaded, 15 after "Stay signed in": still signed in.
        app.Clock.Offset += TimeSpan.FromMinutes(15);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Caseload")).StatusCode);
    }
}

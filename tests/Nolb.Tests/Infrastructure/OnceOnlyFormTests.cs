using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Employers;
using Nolb.Tests.Features.Me;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Appointments;
using Nolb.Web.Security;

namespace Nolb.Tests.Infrastructure;

/// <summary>
/// A form sent twice (a double click, a resend after a slow answer) makes one record: each form a page renders carries a
/// one-time token, and the same token with the same fields is handled once, whichever form it is.
/// </summary>
public sealed partial class OnceOnlyFormTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    /// <summary>The page's form that holds the first of <paramref name="fields"/>, sent <paramref name="times"/> times with the same token: one after another, or all at once.</summary>
    private static async Task<HttpResponseMessage[]> SendTwiceAsync(
        HttpClient client, string pageUrl, Dictionary<string, string> fields, int times = 2, bool atOnce = false, string? postUrl = null)
    {
        var (antiforgery, token) = await TokensAsync(client, pageUrl, fields.Keys.First());
        HttpContent Body() => new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", antiforgery)).Append(new("FormToken", token)));

        if (atOnce)
        {
            return await Task.WhenAll(Enumerable.Range(0, times).Select(_ => client.PostAsync(postUrl ?? pageUrl, Body())));
        }

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < times; i++)
        {
            answers.Add(await client.PostAsync(postUrl ?? pageUrl, Body()));
        }

        return [.. answers];
    }

    /// <summary>The anti-forgery token and the one-time token of the page's form that holds <paramref name="field"/>.</summary>
    private static async Task<(string Antiforgery, string Token)> TokensAsync(HttpClient client, string pageUrl, string field)
    {
        var html = await (await client.GetAsync(pageUrl)).Content.ReadAsStringAsync();
        var form = Forms().Matches(html).Select(m => m.Value).Single(f => f.Contains($"name=\"{field}\"", StringComparison.Ordinal));
        var token = FormToken().Match(form).Groups["value"].Value;
        Assert.NotEmpty(token);
        return (WebUtility.HtmlDecode(AntiforgeryToken().Match(form).Groups["value"].Value), token);
    }

    private static void AllSentToTheSamePlace(HttpResponseMessage[] answers)
    {
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Single(answers.Select(a => a.Headers.Location!.OriginalString).Distinct());
    }

    [Fact]
    public async Task A_case_note_sent_twice_is_written_once_and_both_answers_go_to_the_record()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var answers = await SendTwiceAsync(client, $"/Participants/Engagements/{engagementId}/Notes", new()
        {
            ["Input.Text"] = "Phoned about the forklift course.",
            ["Input.Date"] = CaseData.Today.Iso(),
            ["Input.Sensitivity"] = "",
        });

        AllSentToTheSamePlace(answers);
        Assert.Equal($"/Participants/{person.Id}", answers[0].Headers.Location!.OriginalString);
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseNotes.CountAsync(n => n.EngagementId == engagementId)));
    }

    [Fact]
    public async Task An_appointment_sent_three_times_at_once_is_booked_once()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var answers = await SendTwiceAsync(client, $"/Participants/Engagements/{engagementId}/Appointments", new()
        {
            ["Input.Date"] = CaseData.Today.AddDays(3).Iso(),
            ["Input.Time"] = "10:00",
            ["Input.DurationMinutes"] = "30",
            ["Input.Channel"] = nameof(AppointmentChannel.InPerson),
            ["Input.Place"] = "Govan Hub",
            ["Input.WithWhom"] = "Key worker",
            ["Input.StaffUserId"] = keyWorker.Id.ToString(),
        }, times: 3, atOnce: true);

        AllSentToTheSamePlace(answers);
        Assert.Equal(1, await app.WithDbAsync(db => db.Appointments.CountAsync(a => a.EngagementId == engagementId)));
    }

    [Fact]
    public async Task An_intervention_sent_twice_is_recorded_once()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        var typeId = await app.WithDbAsync(db => db.InterventionTypes.Where(t => t.Code == "job-search.cv").Select(t => t.Id).SingleAsync());
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var answers = await SendTwiceAsync(client, $"/Participants/Engagements/{engagementId}/Interventions", new()
        {
            ["Input.TypeId"] = typeId.ToString(),
            ["Input.DeliveredBy"] = "OwnTeam",
            ["Input.StartDate"] = CaseData.Today.AddDays(-1).Iso(),
            ["Input.EndDate"] = CaseData.Today.AddDays(-1).Iso(),
            ["Input.Hours"] = "2",
            ["Input.Outcome"] = "Completed",
        });

        AllSentToTheSamePlace(answers);
        Assert.Equal(1, await app.WithDbAsync(db => db.Interventions.CountAsync(i => i.EngagementId == engagementId)));
    }

    [Fact]
    public async Task A_vacancy_sent_twice_is_added_once()
    {
        var officer = await app.StaffAsync(Role.EmployerEngagementOfficer);
        var employer = await app.EmployerAsync();
        using var client = await app.PageClientAsync(officer.Email!);

        var answers = await SendTwiceAsync(client, "/Vacancies/Create", new()
        {
            ["Input.EmployerId"] = employer.Id.ToString(),
            ["Input.Title"] = "Warehouse operative",
            ["Input.SocCode"] = "9252",
            ["Input.HourlyPay"] = "12.60",
            ["Input.Contract"] = "Permanent",
            ["Input.Postcode"] = "G31 2AB",
        });

        AllSentToTheSamePlace(answers);
        Assert.Equal(1, await app.WithDbAsync(db => db.Vacancies.CountAsync(v => v.EmployerId == employer.Id)));
    }

    [Fact]
    public async Task A_participants_feedback_sent_twice_is_kept_once()
    {
        var me = await app.LinkedPersonAsync();
        var commitment = await app.WithDbAsync(db => db.CharterCommitments.Where(c => c.LepId == null && c.Active).OrderBy(c => c.Order).Select(c => c.Id).FirstAsync());
        var comment = CaseData.UniqueName("Sent twice");
        using var client = await app.PageClientAsync(me.Account.Email!);

        var answers = await SendTwiceAsync(client, "/Me/Feedback", new()
        {
            ["Input.Point"] = "FirstMonth",
            ["Input.Improvement"] = comment,
            ["Input.Anonymous"] = "false",
            ["Input.Ratings[0].CommitmentId"] = commitment.ToString(),
            ["Input.Ratings[0].Score"] = "4",
        });

        AllSentToTheSamePlace(answers);
        Assert.Equal(1, await app.WithDbAsync(db => db.FeedbackResponses.CountAsync(r => r.Improvement == comment)));
    }

    [Fact]
    public async Task The_same_form_changed_after_going_back_is_a_new_note_not_a_copy()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var url = $"/Participants/Engagements/{engagementId}/Notes";
        var (antiforgery, token) = await TokensAsync(client, url, "Input.Text");
        HttpContent Note(string text) => new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery,
            ["FormToken"] = token,
            ["Input.Date"] = CaseData.Today.Iso(),
            ["Input.Text"] = text,
            ["Input.Sensitivity"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(url, Note("First call."))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(url, Note("Second call, after going back."))).StatusCode);

        Assert.Equal(2, await app.WithDbAsync(db => db.CaseNotes.CountAsync(n => n.EngagementId == engagementId)));
    }

    [Fact]
    public async Task A_form_refused_with_errors_is_handled_again_when_sent_again_and_saves_nothing()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var answers = await SendTwiceAsync(client, $"/Participants/Engagements/{engagementId}/Notes", new()
        {
            ["Input.Text"] = " ",
            ["Input.Date"] = CaseData.Today.Iso(),
            ["Input.Sensitivity"] = "",
        });

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        foreach (var answer in answers)
        {
            Assert.Contains("There is a problem", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.CaseNotes.CountAsync(n => n.EngagementId == engagementId)));
    }

    [Fact]
    public async Task Every_form_that_posts_carries_a_one_time_token_and_signing_out_does_not()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var first = await (await client.GetAsync("/Participants/Register")).Content.ReadAsStringAsync();
        var second = await (await client.GetAsync("/Participants/Register")).Content.ReadAsStringAsync();

        var forms = Forms().Matches(first).Select(m => m.Value).ToList();
        // Signing out (the header's and the timeout warning's) and staying signed in may always be sent again.
        var mayRepeat = forms.Where(f => f.Contains("/Account/SignOut", StringComparison.Ordinal) || f.Contains("/Account/KeepAlive", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, mayRepeat.Count);
        Assert.All(mayRepeat, f => Assert.DoesNotContain("name=\"FormToken\"", f, StringComparison.Ordinal));
        var register = Assert.Single(forms, f => f.Contains("name=\"Input.GivenName\"", StringComparison.Ordinal));
        Assert.NotEqual(FormToken().Match(register).Groups["value"].Value, FormToken().Matches(second).Single().Groups["value"].Value);
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Forms();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"FormToken\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex FormToken();
}

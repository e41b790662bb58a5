using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Account;

/// <summary>
/// Signing in must not tell who has an account, by its words, its lockout or its timing (OWASP Authentication Cheat
/// Sheet, "Authentication and Error Messages": "the application should respond with a generic error message regardless of
/// whether the user ID or password was incorrect", and the response time should be the same).
/// </summary>
public sealed partial class SignInEnumerationTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static string Unknown() => $"nobody-{Guid.NewGuid():N}@nolb.test";

    private static async Task<(HttpStatusCode Status, string Title, string Detail, TimeSpan Took)> LoginAsync(HttpClient client, string email, string password)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        var took = Stopwatch.GetElapsedTime(started);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, problem.GetProperty("title").GetString()!, problem.GetProperty("detail").GetString()!, took);
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    [Fact]
    public async Task An_unknown_email_takes_about_as_long_to_refuse_as_a_wrong_password_for_a_real_account()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        using var client = app.CreateClient();
        await LoginAsync(client, Unknown(), "warm-up-password");

        // Alternated, and fewer than the five that lock, so both sides do the same work each time.
        var known = new List<TimeSpan>();
        var unknown = new List<TimeSpan>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            known.Add((await LoginAsync(client, user.Email!, "wrong-password-" + attempt)).Took);
            unknown.Add((await LoginAsync(client, Unknown(), "wrong-password-" + attempt)).Took);
        }

        // A password hash takes hundreds of milliseconds and a lookup a few: without the hash an unknown address
        // answers in a tenth of the time. Half is tolerant of a busy machine and still fails without the hash.
        Assert.True(Median(unknown) >= Median(known) / 2, $"unknown {Median(unknown).TotalMilliseconds} ms, known {Median(known).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_locked_account_takes_as_long_to_refuse_as_one_that_is_not()
    {
        var locked = await app.CreateUserAsync(Role.KeyWorker);
        var open = await app.CreateUserAsync(Role.KeyWorker);
        using var client = app.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await LoginAsync(client, locked.Email!, "wrong-password-" + attempt);
        }

        var lockedTimes = new List<TimeSpan>();
        var openTimes = new List<TimeSpan>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            lockedTimes.Add((await LoginAsync(client, locked.Email!, "wrong-password")).Took);
            openTimes.Add((await LoginAsync(client, open.Email!, "wrong-password")).Took);
        }

        Assert.True(Median(lockedTimes) >= Median(openTimes) / 2, $"locked {Median(lockedTimes).TotalMilliseconds} ms, open {Median(openTimes).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task After_five_wrong_passwords_an_unknown_email_answers_exactly_as_a_real_account_does()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        var disabled = await app.CreateUserAsync(Role.KeyWorker);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == disabled.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        var unknown = Unknown();
        using var client = app.CreateClient();

        foreach (var attempt in Enumerable.Range(0, 6))
        {
            var real = await LoginAsync(client, user.Email!, "wrong-password-" + attempt);
            var none = await LoginAsync(client, unknown, "wrong-password-" + attempt);
            var off = await LoginAsync(client, disabled.Email!, "wrong-password-" + attempt);

            Assert.Equal((real.Status, real.Title, real.Detail), (none.Status, none.Title, none.Detail));
            Assert.Equal((real.Status, real.Title, real.Detail), (off.Status, off.Title, off.Detail));
            Assert.Equal(attempt < 4 ? "Sign-in failed" : "Account locked", none.Title);
        }

        // Locked, both refuse even the right password the same way.
        var realRight = await LoginAsync(client, user.Email!, TestUsers.Password);
        var noneRight = await LoginAsync(client, unknown, TestUsers.Password);
        Assert.Equal(("Account locked", realRight.Detail), (noneRight.Title, noneRight.Detail));
    }

    [Fact]
    public async Task The_sign_in_page_locks_an_unknown_email_with_the_words_it_uses_for_a_real_account()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        var unknown = Unknown();
        using var client = app.AnonymousPageClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var real = await ErrorOnPageAsync(client, user.Email!, "wrong-password-" + attempt);
            var none = await ErrorOnPageAsync(client, unknown, "wrong-password-" + attempt);
            Assert.Equal(real, none);
            Assert.Contains(attempt < 4 ? "is not right" : "is locked for 15 minutes", none, StringComparison.Ordinal);
        }
    }

    private static async Task<string> ErrorOnPageAsync(HttpClient client, string email, string password)
    {
        var response = await client.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ErrorSummary().Match(await response.Content.ReadAsStringAsync()).Value;
    }

    [GeneratedRegex("<div class=\"ds_error-summary.*?</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummary();
}

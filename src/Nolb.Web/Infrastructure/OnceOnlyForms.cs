using System.Collections.Concurrent;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// Remembers which sendings of a form are in hand, so the same form sent twice (a double click, a resend after a slow
/// answer) is handled once: the first sending claims its key; a second one with the same key waits for the first and is
/// sent where the first one's answer sent the user. A sending that did not end in a redirect (a form re-shown with
/// errors, a download) releases its key, so it can be sent again. Keys live in this server's memory for an hour,
/// enough for any double submit; Nolb runs as one instance (see DESIGN.md, scale). <see cref="OnceOnlyFormFilter"/>
/// makes the keys; <see cref="OnceOnlyFormTagHelper"/> puts the one-time token in every form.
/// </summary>
public sealed class OnceOnlyForms(TimeProvider clock)
{
    public const string FieldName = "FormToken";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    internal static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private DateTimeOffset lastSweep = DateTimeOffset.MinValue;
    private readonly ConcurrentDictionary<string, Submission> submissions = new(StringComparer.Ordinal);

    private sealed class Submission(DateTimeOffset at)
    {
        public DateTimeOffset At { get; } = at;

        /// <summary>Where the first sending's answer sent the user, or null when it was released.</summary>
        public TaskCompletionSource<string?> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public static string NewToken() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// True for the first sending of <paramref name="key"/>, which must then be completed or released; otherwise
    /// <paramref name="first"/> ends with where the first sending sent the user, or null if it was released.
    /// </summary>
    public bool TryClaim(string key, out Task<string?> first)
    {
        var now = clock.GetUtcNow();
        // Expired sendings are swept at most once a minute, not on every form sent: the sweep reads them all.
        if (now - lastSweep > SweepEvery)
        {
            lastSweep = now;
            foreach (var old in submissions.Where(s => now - s.Value.At > Lifetime))
            {
                if (submissions.TryRemove(old))
                {
                    old.Value.Outcome.TrySetResult(null);
                }
            }
        }

        var mine = new Submission(now);
        var claimed = submissions.GetOrAdd(key, mine);
        first = claimed.Outcome.Task;
        return ReferenceEquals(claimed, mine);
    }

    public void Complete(string key, string redirectTo)
    {
        if (submissions.TryGetValue(key, out var submission))
        {
            submission.Outcome.TrySetResult(redirectTo);
        }
    }

    /// <summary>Forgets a sending that did not complete; one that completed stays, so later copies still go where it went.</summary>
    public void Release(string key)
    {
        if (submissions.TryGetValue(key, out var submission) && !submission.Outcome.Task.IsCompleted
            && submissions.TryRemove(new KeyValuePair<string, Submission>(key, submission)))
        {
            submission.Outcome.TrySetResult(null);
        }
    }
}

using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// An API client that may send a POST twice (a retry after a timeout) sends an <c>Idempotency-Key</c> header: the same
/// key from the same user on the same address with the same body answers what the first answered, without doing it again;
/// the same key with another body is refused (422). A copy that arrives while the first is running waits for it. Only
/// successful answers are kept (a refused request can be corrected and sent again with its key), for an hour, in this
/// server's memory, like <see cref="OnceOnlyForms"/> (Nolb runs as one instance).
/// </summary>
public sealed class IdempotencyKeys(RequestDelegate next, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    private const int MaxKeyLength = 200;
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private static readonly string[] KeptHeaders = ["Content-Type", "Location", "ETag"];
    private readonly ConcurrentDictionary<string, Sending> sendings = new(StringComparer.Ordinal);
    private DateTimeOffset lastSweep = DateTimeOffset.MinValue;

    private sealed record Answer(int Status, Dictionary<string, string> Headers, byte[] Body);

    private sealed class Sending(DateTimeOffset at, string bodyHash)
    {
        public DateTimeOffset At { get; } = at;
        public string BodyHash { get; } = bodyHash;
        public TaskCompletionSource<Answer?> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task InvokeAsync(HttpContext http)
    {
        var key = http.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(http.Request.Method) || key.Length == 0 || http.User.Identity?.IsAuthenticated != true
            || !http.Request.Path.StartsWithSegments("/api/v1"))
        {
            await next(http);
            return;
        }

        if (key.Length > MaxKeyLength)
        {
            await Results.Problem(title: "The Idempotency-Key is too long", detail: $"Send a key of at most {MaxKeyLength} characters, such as a new GUID for each request.",
                statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
            return;
        }

        http.Request.EnableBuffering();
        var bodyHash = Convert.ToHexString(await SHA256.HashDataAsync(http.Request.Body, http.RequestAborted));
        http.Request.Body.Position = 0;
        var slot = Hash($"{http.User.FindFirstValue(ClaimTypes.NameIdentifier)}\u001f{http.Request.Path}{http.Request.QueryString}\u001f{key}");

        Sending mine;
        while (true)
        {
            Sweep();
            mine = new Sending(clock.GetUtcNow(), bodyHash);
            var first = sendings.GetOrAdd(slot, mine);
            if (ReferenceEquals(first, mine))
            {
                break;
            }

            if (first.BodyHash != bodyHash)
            {
                await Results.Problem(title: "The Idempotency-Key was used for another request",
                    detail: "This key was sent with a different body. Send a new key for a new request.",
                    statusCode: StatusCodes.Status422UnprocessableEntity).ExecuteAsync(http);
                return;
            }

            Answer? answer;
            try
            {
                answer = await first.Outcome.Task.WaitAsync(OnceOnlyFormFilter.WaitForFirst, http.RequestAborted);
            }
            catch (TimeoutException)
            {
                await Results.Problem(title: "The first request with this Idempotency-Key is still running",
                    detail: "Wait a moment, then send the request again with the same key.",
                    statusCode: StatusCodes.Status409Conflict).ExecuteAsync(http);
                return;
            }

            if (answer is not null)
            {
                await ReplayAsync(http, answer);
                return;
            }
        }

        await RunAndKeepAsync(http, slot, mine);
    }

    private async Task RunAndKeepAsync(HttpContext http, string slot, Sending mine)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        Answer? answer = null;
        try
        {
            await next(http);
            if (http.Response.StatusCode is >= 200 and < 300)
            {
                answer = new Answer(http.Response.StatusCode,
                    KeptHeaders.Where(h => http.Response.Headers.ContainsKey(h)).ToDictionary(h => h, h => http.Response.Headers[h].ToString()),
                    buffer.ToArray());
            }
        }
        finally
        {
            http.Response.Body = original;
            if (answer is null)
            {
                sendings.TryRemove(new KeyValuePair<string, Sending>(slot, mine));
            }

            mine.Outcome.TrySetResult(answer);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext http, Answer answer)
    {
        http.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            http.Response.Headers[name] = value;
        }

        http.Response.Headers["Idempotent-Replayed"] = "true";
        await http.Response.Body.WriteAsync(answer.Body, http.RequestAborted);
    }

    /// <summary>Forgets expired keys, at most once a minute: the sweep reads every key, so not on every request.</summary>
    private void Sweep()
    {
        var now = clock.GetUtcNow();
        if (now - lastSweep <= OnceOnlyForms.SweepEvery)
        {
            return;
        }

        lastSweep = now;
        foreach (var old in sendings.Where(s => now - s.Value.At > Lifetime))
        {
            sendings.TryRemove(old);
        }
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

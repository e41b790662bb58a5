using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Nolb.Bench.Benchmark;

namespace Nolb.Bench.Load;

/// <summary>
/// <c>load</c>: Nolb on Kestrel at 127.0.0.1 on the generated database, driven over HTTP by simulated key workers,
/// each signed in as one of the generated key workers and working on their own open cases: the caseload page, a
/// person's record, their timeline filtered to notes, a new case note, and the case's appointments. Closed loop:
/// each user waits for an answer, then thinks for a random time up to <c>--think-ms</c>, then does the next thing.
/// </summary>
public static class LoadCommand
{
    private sealed record Worker(string Email, List<(Guid Participant, Guid Engagement)> Cases);

    private sealed record Sample(string Action, double Milliseconds, bool Ok);

    public static async Task<int> RunAsync(BenchOptions options, TextWriter output)
    {
        var users = options.Number("users", 200);
        var seconds = options.Number("seconds", 60);
        // Up to 10 s between actions (5 s on average) is already a busier key worker than any real one; 1 s finds the saturation point.
        var thinkMs = options.Number("think-ms", 10_000);
        await using var app = new BenchApp(options.Database, options.Connection, kestrel: true);
        app.Start();
        await output.WriteLineAsync($"Nolb is listening on {app.BaseAddress}; signing in {users} key workers");

        List<Worker> workers;
        await using (var sql = new HandSql(options.Database, options.Connection))
        {
            workers = (await sql.RowsAsync(
                    """
                    SELECT u."Email", e."ParticipantId", e."Id" FROM "Engagements" e JOIN "AspNetUsers" u ON u."Id" = e."KeyWorkerId"
                    WHERE e."LeftOn" IS NULL AND u."Role" = 'KeyWorker' ORDER BY u."Email"
                    """))
                .GroupBy(r => (string)r[0]!)
                .Take(users)
                .Select(g => new Worker(g.Key, g.Select(r => (Scenarios.Id(r[1]), Scenarios.Id(r[2]))).ToList()))
                .ToList();
        }

        var sessions = new List<(Worker Worker, HttpClient Pages, HttpClient Api)>();
        foreach (var worker in workers)
        {
            sessions.Add((worker, await app.PageClientAsync(worker.Email), await app.ApiClientAsync(worker.Email)));
        }

        await output.WriteLineAsync($"Driving {sessions.Count} simulated key workers for {seconds} s (think time up to {thinkMs} ms)");
        // Each page and endpoint once before the clock starts: the first request of each compiles code the rest reuse.
        var (first, firstPages, firstApi) = sessions[0];
        foreach (var (_, request) in Actions(first.Cases[0], firstPages, firstApi))
        {
            using var response = await request();
        }

        var samples = new ConcurrentBag<Sample>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(sessions.Select((s, i) => Task.Run(() => WorkAsync(s.Worker, s.Pages, s.Api, i, thinkMs, samples, stop.Token))));
        var elapsed = clock.Elapsed.TotalSeconds;
        foreach (var (_, pages, api) in sessions)
        {
            pages.Dispose();
            api.Dispose();
        }

        await output.WriteAsync(Report(samples.ToList(), elapsed, sessions.Count, thinkMs, options.Database.ToString()));
        return samples.Any(s => !s.Ok) ? 1 : 0;
    }

    private static async Task WorkAsync(Worker worker, HttpClient pages, HttpClient api, int seed, int thinkMs, ConcurrentBag<Sample> samples, CancellationToken stop)
    {
        var random = new Random(seed);
        // People do not all click at the same instant: each starts after a think of its own, as between actions.
        if (thinkMs > 0 && !await ThinkAsync(random, thinkMs, stop))
        {
            return;
        }

        while (!stop.IsCancellationRequested)
        {
            var actions = Actions(worker.Cases[random.Next(worker.Cases.Count)], pages, api);
            var roll = random.Next(100);
            var (action, request) = actions[roll switch { < 30 => 0, < 55 => 1, < 75 => 2, < 85 => 3, _ => 4 }];
            var clock = Stopwatch.StartNew();
            bool ok;
            try
            {
                using var response = await request();
                await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                ok = response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                ok = false;
            }

            samples.Add(new Sample(action, clock.Elapsed.TotalMilliseconds, ok));
            if (thinkMs > 0 && !await ThinkAsync(random, thinkMs, stop))
            {
                return;
            }
        }
    }

    /// <summary>The five things a simulated key worker does, on one of their cases; the mix is chosen in <see cref="WorkAsync"/>.</summary>
    private static List<(string Action, Func<Task<HttpResponseMessage>> Request)> Actions((Guid Participant, Guid Engagement) onCase, HttpClient pages, HttpClient api)
    {
        var (participant, engagement) = onCase;
        return
        [
            ("caseload page", () => pages.GetAsync("/Caseload", CancellationToken.None)),
            ("participant record", () => pages.GetAsync($"/Participants/{participant}", CancellationToken.None)),
            ("timeline (notes)", () => pages.GetAsync($"/Participants/{participant}?show=notes", CancellationToken.None)),
            ("add a case note", () => api.PostAsJsonAsync($"/api/v1/engagements/{engagement}/notes",
                new { date = DateOnly.FromDateTime(DateTime.UtcNow), text = "Phoned to check in; next steps agreed (load test)." }, CancellationToken.None)),
            ("appointments", () => api.GetAsync($"/api/v1/engagements/{engagement}/appointments", CancellationToken.None)),
        ];
    }

    /// <summary>Waits a random time up to the think time; false when the run ended meanwhile.</summary>
    private static async Task<bool> ThinkAsync(Random random, int thinkMs, CancellationToken stop)
    {
        try
        {
            await Task.Delay(random.Next(thinkMs), stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * p) - 1)];

    private static string Report(List<Sample> samples, double seconds, int users, int thinkMs, string database)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Database: {database}; {users} simulated key workers for {seconds:0} s; think time 0–{thinkMs} ms.");
        text.AppendLine();
        text.AppendLine("| Action | Requests | Errors | p50 ms | p95 ms | p99 ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var group in samples.GroupBy(s => s.Action).OrderBy(g => g.Key, StringComparer.Ordinal).Append(samples.GroupBy(_ => "all").Single()))
        {
            var sorted = group.Select(s => s.Milliseconds).Order().ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key} | {sorted.Count:N0} | {group.Count(s => !s.Ok)} | {Percentile(sorted, 0.5):0} | {Percentile(sorted, 0.95):0} | {Percentile(sorted, 0.99):0} |");
        }

        var all = samples.Select(s => s.Milliseconds).Order().ToList();
        var errors = samples.Count(s => !s.Ok);
        var p95 = Percentile(all, 0.95);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Throughput {samples.Count / seconds:0.0} requests/s; {errors} errors; p95 {p95:0} ms. Target: zero errors and p95 under 300 ms: {(errors == 0 && p95 < 300 ? "pass" : "FAIL")}.");
        return text.ToString();
    }
}

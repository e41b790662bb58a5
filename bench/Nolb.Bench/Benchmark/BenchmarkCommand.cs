using System.Diagnostics;
using System.Globalization;
using Nolb.Web.Data;

namespace Nolb.Bench.Benchmark;

/// <summary>
/// <c>run</c>: each figure of issue 9 timed through the app's own code and by hand-written SQL on the same
/// database, after warm-up, several runs each; a Markdown table of medians, 95th percentiles, ratios and targets.
/// </summary>
public static class BenchmarkCommand
{
    public sealed record Timing(double Median, double P95);

    /// <summary>One figure's timings; <paramref name="ExtraPassed"/> is the scenario's own check, run whatever the timings (it writes notes).</summary>
    public sealed record Result(Scenario Scenario, Timing App, Timing Sql, string AppFigure, string SqlFigure, bool ExtraPassed = true)
    {
        public double Ratio => App.Median / Math.Max(Sql.Median, 0.001);

        public bool SameFigure => AppFigure == SqlFigure;

        public bool MeetsTarget => App.P95 < Scenario.TargetMilliseconds;

        public bool Passed => MeetsTarget && Ratio <= 2 && SameFigure && ExtraPassed;
    }

    public static async Task<int> RunAsync(BenchOptions options, TextWriter output)
    {
        var runs = options.Number("runs", 10);
        var warmup = options.Number("warmup", 2);
        await using var app = new BenchApp(options.Database, options.Connection, kestrel: false);
        app.Start();
        await using var sql = new HandSql(options.Database, options.Connection);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var only = options.Get("only");
        var scenarios = (await new Scenarios(app, sql, today).BuildAsync())
            .Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        var results = new List<Result>();
        foreach (var scenario in scenarios)
        {
            await output.WriteLineAsync($"Timing: {scenario.Name}");
            var (appTiming, appFigure) = await TimeAsync(scenario.App, warmup, runs);
            var (sqlTiming, sqlFigure) = await TimeAsync(scenario.Sql, warmup, runs);
            results.Add(new Result(scenario, appTiming, sqlTiming, appFigure, sqlFigure, scenario.ExtraCheck?.Invoke() ?? true));
        }

        await output.WriteLineAsync();
        await output.WriteAsync(Table(results, options.Database, runs, warmup));
        return results.All(r => r.Passed) ? 0 : 1;
    }

    public static async Task<(Timing Timing, string Figure)> TimeAsync(Func<Task<string>> run, int warmup, int runs)
    {
        var figure = "";
        for (var i = 0; i < warmup; i++)
        {
            figure = await run();
        }

        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            figure = await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (new Timing(times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)]), figure);
    }

    public static string Table(IReadOnlyList<Result> results, DatabaseProvider database, int runs, int warmup)
    {
        var table = new System.Text.StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"Database: {database}; {warmup} warm-up and {runs} timed runs each; times in ms (median / 95th percentile).");
        table.AppendLine();
        table.AppendLine("| Figure | App median | App p95 | SQL median | Ratio | Target | Same answer | Result |");
        table.AppendLine("|---|---:|---:|---:|---:|---|---|---|");
        foreach (var r in results)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario.Name} | {r.App.Median:0.0} | {r.App.P95:0.0} | {r.Sql.Median:0.0} | {r.Ratio:0.00}× | {r.Scenario.Target}, ≤ 2× SQL | {(r.SameFigure ? "yes" : "NO")} | {(r.Passed ? "pass" : "FAIL")} |");
        }

        table.AppendLine();
        foreach (var r in results)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"- {r.Scenario.Name}: app {Short(r.AppFigure)}; SQL {Short(r.SqlFigure)}.");
            foreach (var note in r.Scenario.Notes)
            {
                table.AppendLine(CultureInfo.InvariantCulture, $"  {note}");
            }
        }

        return table.ToString();
    }

    private static string Short(string figure) => figure.Length <= 120 ? figure : figure[..120] + "…";
}

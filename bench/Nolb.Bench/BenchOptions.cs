using System.Globalization;
using Nolb.Web.Data;

namespace Nolb.Bench;

/// <summary>The command line: a command, then <c>--name value</c> pairs.</summary>
public sealed class BenchOptions
{
    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);

    private BenchOptions(string command) => Command = command;

    public string Command { get; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(args.Length == 0 ? "help" : args[0]);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected --name value, found {args[i]}");
            }

            options.values[args[i][2..]] = args[++i];
        }

        return options;
    }

    public string? Get(string name) => values.GetValueOrDefault(name);

    public DatabaseProvider Database => (Get("database") ?? "sqlite").ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" => DatabaseProvider.Postgres,
        var other => throw new ArgumentException($"--database is sqlite or postgres, not {other}"),
    };

    public string Connection => Get("connection")
        ?? (Database == DatabaseProvider.Sqlite ? "Data Source=bench-data/nolb-bench.db" : throw new ArgumentException("--connection is needed for postgres"));

    public int Seed => int.Parse(Get("seed") ?? "42", CultureInfo.InvariantCulture);

    public double Scale => double.Parse(Get("scale") ?? "1.0", CultureInfo.InvariantCulture);

    public int Number(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public const string Usage = """
        Nolb.Bench: national-scale data, the benchmark and the load test.

          generate --database sqlite|postgres --connection "..." [--seed 42] [--scale 1.0]
              Creates the schema with the app's migrations and loads a synthetic Scotland (scale 1.0: 250,000
              participants, 300,000 engagements, over 3 million timeline events). Replaces what the database holds.
          run      --database sqlite|postgres --connection "..." [--runs 10] [--warmup 2] [--only TEXT]
              Times the app's own code paths against hand-written SQL and prints a Markdown table with the targets
              (--only: just the figures whose name contains TEXT, e.g. "job matching").
          load     --database sqlite|postgres --connection "..." [--users 200] [--seconds 60]
              Starts Nolb on 127.0.0.1 (Kestrel) and drives it with simulated key workers over HTTP.
          import   [--database sqlite|postgres --connection "..."] [--rows 50000]
              Recreates the database, writes a caseload file in Nolb's template of --rows rows (six a person) and times
              its dry run and its import with the app's own importer, with the peak memory of each.
        """;
}

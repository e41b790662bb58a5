namespace Nolb.Bench.Benchmark;

/// <summary>
/// One figure timed two ways: through the app's own code path, and by the best hand-written SQL for the same
/// figure on the same database. Each returns the figure as text so the two can be checked to agree.
/// </summary>
public sealed record Scenario(string Name, string Target, double TargetMilliseconds, Func<Task<string>> App, Func<Task<string>> Sql)
{
    /// <summary>Extra lines for the report (e.g. peak memory of the CSV return), filled in while it runs.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>A pass condition beyond time and ratio (memory that does not grow with rows), null when there is none.</summary>
    public Func<bool>? ExtraCheck { get; set; }
}

using System.Collections.Concurrent;
using Nolb.Web.Domain.Measurement;

namespace Nolb.Web.Features.Measurement;

/// <summary>
/// Scotland's totals for the LEP dashboards' comparison column. They are the same for every LEP and the slowest figures
/// to count (every LEP's records: seconds at national scale), so each period's are counted at most once every few
/// minutes (<c>Nolb:Measurement:ScotlandFiguresMinutes</c>, 10 by default; 0 counts them every time) and the dashboard
/// says when they were counted. An LEP's own figures are always counted afresh.
/// </summary>
public sealed class ScotlandFigures(IConfiguration configuration, TimeProvider clock)
{
    public sealed record Counted(IReadOnlyDictionary<string, IndicatorRow> Totals, DateTimeOffset CountedAt);

    private readonly ConcurrentDictionary<string, Counted> counted = new(StringComparer.Ordinal);

    public TimeSpan Lifetime { get; } = TimeSpan.FromMinutes(configuration.GetValue("Nolb:Measurement:ScotlandFiguresMinutes", 10));

    /// <summary>
    /// The totals counted within the lifetime, or counted now by <paramref name="count"/>. Two dashboards asking at once
    /// may both count: the figures are the same, and a lock would make the second wait as long.
    /// </summary>
    public async Task<Counted> GetAsync(
        ReportingPeriod period, IReadOnlyList<IndicatorDefinition> indicators, Func<Task<IReadOnlyDictionary<string, IndicatorRow>>> count)
    {
        var key = period.Label + "|" + string.Join(",", indicators.Select(i => i.Code));
        var now = clock.GetUtcNow();
        if (counted.TryGetValue(key, out var found) && now - found.CountedAt < Lifetime)
        {
            return found;
        }

        var fresh = new Counted(await count(), now);
        counted[key] = fresh;
        return fresh;
    }
}

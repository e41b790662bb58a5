using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Nolb.Web.Domain.Audit;

/// <summary>
/// When access is unusual enough to show an information governance reviewer (<c>Nolb:AuditReview</c>). The defaults are a
/// starting point, not a standard: a key worker opens a handful of records outside their caseload in a day (covering a
/// colleague), so 20 in half an hour looks like browsing; the service runs 07:00–19:00 on weekdays, so reading records at
/// night or at the weekend is worth a look; 5 failed sign-ins in 15 minutes is the lockout threshold; and 3 bulk exports
/// within an hour is more than one quarterly return and one check of it. Tune them to the partnership's own patterns.
/// </summary>
public sealed class UnusualAccessRules
{
    public const string Section = "Nolb:AuditReview";

    [Range(1, 10_000)]
    public int RecordsOutsideCaseload { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan RecordsOutsideCaseloadWithin { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>UK local time; access before this or at or after <see cref="WorkingDayEnds"/>, or at a weekend, is flagged.</summary>
    public TimeOnly WorkingDayStarts { get; set; } = new(7, 0);

    public TimeOnly WorkingDayEnds { get; set; } = new(19, 0);

    [Range(1, 10_000)]
    public int FailedSignIns { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan FailedSignInsWithin { get; set; } = TimeSpan.FromMinutes(15);

    [Range(1, 10_000)]
    public int Exports { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ExportsWithin { get; set; } = TimeSpan.FromHours(1);
}

public enum UnusualAccessKind
{
    RecordsOutsideCaseload,
    OutsideWorkingHours,
    FailedSignIns,
    BulkExports,
}

/// <summary>One pattern found, with the audit entries behind it.</summary>
public sealed record UnusualAccessFlag(UnusualAccessKind Kind, string Who, DateTime From, DateTime To, string Why, IReadOnlyList<AuditEntry> Entries);

/// <summary>
/// Finds unusual access in a stretch of the audit trail. Pure: the caller loads the entries and says which people are on
/// whose caseload; times are UTC, working hours are judged in UK local time.
/// </summary>
public static class UnusualAccess
{
    /// <summary>Record types whose read is a bulk download rather than one person's record.</summary>
    public static readonly IReadOnlySet<string> ExportRecordTypes = new HashSet<string>(StringComparer.Ordinal) { "QuarterlyReturn" };

    private static readonly AuditAction[] RecordAccess = [AuditAction.Read, AuditAction.Create, AuditAction.Update, AuditAction.Delete, AuditAction.Export];

    public static IReadOnlyList<UnusualAccessFlag> Find(
        IReadOnlyList<AuditEntry> entries, Func<Guid, string, bool> onCaseload, UnusualAccessRules rules, TimeZoneInfo ukTime)
    {
        var flags = new List<UnusualAccessFlag>();
        var ordered = entries.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToList();

        foreach (var byUser in ordered.Where(e => e.ActorUserId is { } user && e.Action == AuditAction.Read && e.EntityType == "Participant"
                     && e.EntityId is { } person && !onCaseload(user, person)).GroupBy(e => e.ActorUserId))
        {
            flags.AddRange(Bursts(byUser.ToList(), rules.RecordsOutsideCaseload, rules.RecordsOutsideCaseloadWithin).Select(burst =>
                Flag(UnusualAccessKind.RecordsOutsideCaseload, burst,
                    string.Create(CultureInfo.InvariantCulture, $"Opened {burst.Select(e => e.EntityId).Distinct().Count()} people's records that are not on their caseload, {burst.Count} times, within {Minutes(rules.RecordsOutsideCaseloadWithin)}"))));
        }

        foreach (var byUserAndDay in ordered.Where(e => e.ActorUserId is not null && RecordAccess.Contains(e.Action) && OutsideHours(e.OccurredAt, rules, ukTime))
                     .GroupBy(e => (e.ActorUserId, DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(e.OccurredAt, ukTime)))))
        {
            var list = byUserAndDay.ToList();
            flags.Add(Flag(UnusualAccessKind.OutsideWorkingHours, list,
                string.Create(CultureInfo.InvariantCulture, $"{list.Count} {(list.Count == 1 ? "record opened or changed" : "records opened or changed")} outside working hours ({rules.WorkingDayStarts:HH:mm}–{rules.WorkingDayEnds:HH:mm} UK time, Monday to Friday)")));
        }

        foreach (var byAccount in ordered.Where(e => e.Action is AuditAction.SignInFailed or AuditAction.LockedOut)
                     .GroupBy(e => e.ActorUserId?.ToString() ?? $"address {e.IpAddress}"))
        {
            flags.AddRange(Bursts(byAccount.ToList(), rules.FailedSignIns, rules.FailedSignInsWithin).Select(burst =>
                Flag(UnusualAccessKind.FailedSignIns, burst, string.Create(CultureInfo.InvariantCulture, $"{burst.Count} failed sign-ins within {Minutes(rules.FailedSignInsWithin)}"))));
        }

        foreach (var byUser in ordered.Where(e => e.ActorUserId is not null
                     && (e.Action == AuditAction.Export || (e.EntityType is { } type && ExportRecordTypes.Contains(type)))).GroupBy(e => e.ActorUserId))
        {
            flags.AddRange(Bursts(byUser.ToList(), rules.Exports, rules.ExportsWithin).Select(burst =>
                Flag(UnusualAccessKind.BulkExports, burst, string.Create(CultureInfo.InvariantCulture, $"{burst.Count} bulk exports within {Minutes(rules.ExportsWithin)}"))));
        }

        return flags.OrderByDescending(f => f.To).ToList();
    }

    /// <summary>Runs of at least <paramref name="count"/> entries that all fall within <paramref name="window"/> of the run's first; runs do not overlap.</summary>
    private static IEnumerable<List<AuditEntry>> Bursts(List<AuditEntry> entries, int count, TimeSpan window)
    {
        var start = 0;
        while (start < entries.Count)
        {
            var end = start;
            while (end < entries.Count && entries[end].OccurredAt - entries[start].OccurredAt <= window)
            {
                end++;
            }

            if (end - start >= count)
            {
                yield return entries.GetRange(start, end - start);
                start = end;
            }
            else
            {
                start++;
            }
        }
    }

    private static bool OutsideHours(DateTime utc, UnusualAccessRules rules, TimeZoneInfo ukTime)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ukTime);
        var time = TimeOnly.FromDateTime(local);
        return local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || time < rules.WorkingDayStarts || time >= rules.WorkingDayEnds;
    }

    private static UnusualAccessFlag Flag(UnusualAccessKind kind, List<AuditEntry> entries, string why)
    {
        var first = entries[0];
        var who = first.ActorEmail ?? (first.ActorUserId?.ToString() ?? $"someone at {first.IpAddress}");
        return new UnusualAccessFlag(kind, who, first.OccurredAt, entries[^1].OccurredAt, why, entries);
    }

    private static string Minutes(TimeSpan span) => span.TotalMinutes == 1 ? "1 minute" : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} minutes");
}

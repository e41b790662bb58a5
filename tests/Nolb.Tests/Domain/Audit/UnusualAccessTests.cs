using Nolb.Web.Domain;
using Nolb.Web.Domain.Audit;
using Nolb.Web.Infrastructure;

namespace Nolb.Tests.Domain.Audit;

/// <summary>Each rule on hand-built audit entries: just under the threshold is quiet, at it is flagged with the entries behind it.</summary>
public sealed class UnusualAccessTests
{
    private static readonly Guid KeyWorker = Guid.NewGuid();
    private static readonly UnusualAccessRules Rules = new();

    // A Tuesday in winter (UK time is UTC), mid-morning.
    private static readonly DateTime Morning = new(2026, 1, 13, 10, 0, 0, DateTimeKind.Utc);

    private static long nextId;

    private static AuditEntry Entry(DateTime at, AuditAction action, string? type = null, string? id = null, Guid? user = null, string? ip = "10.0.0.1") => new()
    {
        Id = Interlocked.Increment(ref nextId),
        OccurredAt = at,
        ActorUserId = user,
        ActorEmail = user is null ? null : "worker@nolb.test",
        Action = action,
        EntityType = type,
        EntityId = id,
        IpAddress = ip,
    };

    private static IReadOnlyList<UnusualAccessFlag> Find(IEnumerable<AuditEntry> entries, Func<Guid, string, bool>? onCaseload = null) =>
        UnusualAccess.Find(entries.ToList(), onCaseload ?? ((_, _) => false), Rules, UkTime.Zone);

    private static IEnumerable<AuditEntry> Reads(int count, TimeSpan apart, Func<int, string>? person = null) =>
        Enumerable.Range(0, count).Select(i => Entry(Morning.Add(apart * i), AuditAction.Read, "Participant", person?.Invoke(i) ?? Guid.NewGuid().ToString(), KeyWorker));

    [Fact]
    public void Opening_the_threshold_of_records_outside_the_caseload_within_the_window_is_flagged_with_each_read()
    {
        var flags = Find(Reads(20, TimeSpan.FromMinutes(1)));

        var flag = Assert.Single(flags);
        Assert.Equal(UnusualAccessKind.RecordsOutsideCaseload, flag.Kind);
        Assert.Equal(20, flag.Entries.Count);
        Assert.StartsWith("Opened 20 people's records", flag.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void One_fewer_read_or_reads_spread_past_the_window_or_reads_of_the_own_caseload_are_not_flagged()
    {
        Assert.Empty(Find(Reads(19, TimeSpan.FromMinutes(1))));
        Assert.Empty(Find(Reads(20, TimeSpan.FromMinutes(2))));
        Assert.Empty(Find(Reads(30, TimeSpan.FromMinutes(1)), (user, _) => user == KeyWorker));
    }

    [Fact]
    public void Reading_or_changing_records_at_night_or_at_the_weekend_is_flagged_once_per_user_and_day()
    {
        var night = new DateTime(2026, 1, 13, 22, 30, 0, DateTimeKind.Utc);
        var saturday = new DateTime(2026, 1, 17, 11, 0, 0, DateTimeKind.Utc);
        var entries = new[]
        {
            Entry(night, AuditAction.Read, "Participant", "a", KeyWorker),
            Entry(night.AddMinutes(5), AuditAction.Update, "Participant", "a", KeyWorker),
            Entry(saturday, AuditAction.Read, "Participant", "b", KeyWorker),
            Entry(Morning, AuditAction.Read, "Participant", "c", KeyWorker),
            Entry(night, AuditAction.SignIn, "NolbUser", KeyWorker.ToString(), KeyWorker),
        };

        var flags = Find(entries, (_, _) => true);

        Assert.Equal(2, flags.Count);
        Assert.All(flags, f => Assert.Equal(UnusualAccessKind.OutsideWorkingHours, f.Kind));
        Assert.Equal([1, 2], flags.Select(f => f.Entries.Count).Order());
    }

    [Fact]
    public void Summer_time_is_judged_in_uk_time()
    {
        // 06:30 UTC in July is 07:30 in the UK: inside working hours.
        var july = new DateTime(2026, 7, 14, 6, 30, 0, DateTimeKind.Utc);
        Assert.Empty(Find([Entry(july, AuditAction.Read, "Participant", "a", KeyWorker)], (_, _) => true));
        Assert.Single(Find([Entry(july.AddHours(-1), AuditAction.Read, "Participant", "a", KeyWorker)], (_, _) => true));
    }

    [Fact]
    public void Failed_sign_ins_to_one_account_or_from_one_address_are_flagged_at_the_threshold()
    {
        var account = Enumerable.Range(0, 5).Select(i => Entry(Morning.AddMinutes(i), AuditAction.SignInFailed, user: KeyWorker));
        var unknown = Enumerable.Range(0, 5).Select(i => Entry(Morning.AddMinutes(i), AuditAction.SignInFailed, ip: "203.0.113.9"));
        var few = Enumerable.Range(0, 4).Select(i => Entry(Morning.AddMinutes(i), AuditAction.SignInFailed, ip: "203.0.113.10"));

        var flags = Find(account.Concat(unknown).Concat(few));

        Assert.Equal(2, flags.Count);
        Assert.All(flags, f => Assert.Equal(UnusualAccessKind.FailedSignIns, f.Kind));
        Assert.Contains(flags, f => f.Who == "someone at 203.0.113.9");
    }

    [Fact]
    public void Bulk_exports_are_flagged_at_the_threshold_within_the_window()
    {
        var exports = new[]
        {
            Entry(Morning, AuditAction.Export, "AuditTrail", null, KeyWorker),
            Entry(Morning.AddMinutes(20), AuditAction.Read, "QuarterlyReturn", Guid.NewGuid().ToString(), KeyWorker),
            Entry(Morning.AddMinutes(50), AuditAction.Export, "AuditTrail", null, KeyWorker),
        };

        var flag = Assert.Single(Find(exports));
        Assert.Equal(UnusualAccessKind.BulkExports, flag.Kind);
        Assert.Equal(3, flag.Entries.Count);
        Assert.Empty(Find(exports.Take(2)));
    }
}

namespace Nolb.Web.Domain.Measurement;

/// <summary>
/// A quarter's national tables prepared for publication and waiting for a second national analyst: the exact
/// disclosure-controlled figures that approval publishes, frozen when prepared, so what the approver previews is
/// what goes out. The preparer may not approve their own draft (two-person rule); either analyst may withdraw it
/// with a reason. A draft is never deleted: approved or withdrawn, it stays as the record of who did what.
/// </summary>
public sealed class StatisticsDraft : IVersioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The quarter's label, e.g. "2025-Q3".</summary>
    public required string Quarter { get; init; }

    public DateTime PreparedAt { get; init; }
    public Guid? PreparedByUserId { get; init; }
    public required string PreparedBy { get; init; }

    /// <summary>Whether the quarter was one of the latest two (provisional) when the draft was prepared.</summary>
    public bool Provisional { get; init; }

    /// <summary>The tables after disclosure control, as JSON: exactly what approval publishes.</summary>
    public required string Tables { get; init; }

    public DraftStatus Status { get; private set; } = DraftStatus.AwaitingApproval;
    public DateTime? DecidedAt { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public string? DecidedBy { get; private set; }

    /// <summary>Why the draft was withdrawn.</summary>
    public string? Reason { get; private set; }

    /// <summary>The publication number approval gave it.</summary>
    public int? PublicationNumber { get; private set; }

    /// <summary>
    /// Publishes the draft as the quarter's next publication. The approver must be a different person from the
    /// preparer, and the draft must still be waiting (two approvals at once: the version check lets one through).
    /// </summary>
    public DomainResult<StatisticsPublication> Approve(Guid approverId, string approverName, DateTime now, int number)
    {
        if (Status != DraftStatus.AwaitingApproval)
        {
            return DomainResult.Fail<StatisticsPublication>("status", Status == DraftStatus.Published
                ? $"This draft has already been approved and published as publication {PublicationNumber} of {Quarter}"
                : "This draft was withdrawn and cannot be approved. Prepare the quarter again");
        }

        if (approverId == PreparedByUserId)
        {
            return DomainResult.Fail<StatisticsPublication>("approver", "You prepared this draft, so another national analyst must approve it");
        }

        Status = DraftStatus.Published;
        DecidedAt = now;
        DecidedByUserId = approverId;
        DecidedBy = approverName;
        PublicationNumber = number;
        return DomainResult.Ok(new StatisticsPublication
        {
            Quarter = Quarter,
            Number = number,
            PublishedAt = now,
            PublishedByUserId = approverId,
            PublishedBy = approverName,
            PreparedByUserId = PreparedByUserId,
            PreparedBy = PreparedBy,
            ProvisionalWhenPublished = Provisional,
            Tables = Tables,
        });
    }

    /// <summary>Withdraws (or, for the second analyst, rejects) a waiting draft; the reason is kept with it.</summary>
    public DomainResult<StatisticsDraft> Withdraw(Guid userId, string userName, string? reason, DateTime now)
    {
        if (Status != DraftStatus.AwaitingApproval)
        {
            return DomainResult.Fail<StatisticsDraft>("status", Status == DraftStatus.Published
                ? "This draft has already been published and cannot be withdrawn. Publish the quarter again to revise it"
                : "This draft has already been withdrawn");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return DomainResult.Fail<StatisticsDraft>("reason", "Say why the draft is withdrawn, so the analyst who prepared it knows what to change");
        }

        if (reason.Trim().Length > MaxReasonLength)
        {
            return DomainResult.Fail<StatisticsDraft>("reason", $"Give the reason in {MaxReasonLength} characters or fewer");
        }

        Status = DraftStatus.Withdrawn;
        DecidedAt = now;
        DecidedByUserId = userId;
        DecidedBy = userName;
        Reason = reason.Trim();
        return DomainResult.Ok(this);
    }

    public const int MaxReasonLength = 1000;
}

public enum DraftStatus
{
    AwaitingApproval,
    Published,
    Withdrawn,
}

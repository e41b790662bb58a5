namespace Nolb.Web.Domain;

/// <summary>
/// One line of the append-only audit trail: who did what to which record, when and from where.
/// It names records and changed fields but never holds their values, so personal data does not leak
/// into the trail.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTime OccurredAt { get; init; }
    public Guid? ActorUserId { get; init; }
    public string? ActorEmail { get; init; }
    public AuditAction Action { get; init; }
    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    public Guid? LepId { get; init; }
    public string? IpAddress { get; init; }

    /// <summary>Changed field names, or a short reason; never field values.</summary>
    public string? Detail { get; init; }
}

public enum AuditAction
{
    Create,
    Update,
    Delete,
    Read,
    SignIn,
    SignInFailed,
    SignOut,
    LockedOut,

    /// <summary>Two-factor sign-in switched on or off, or new recovery codes made (Detail says which).</summary>
    TwoFactorChanged,

    /// <summary>Someone searched or read the audit trail itself, or its unusual-access flags.</summary>
    AuditReviewed,

    /// <summary>A download of records in bulk (an export file).</summary>
    Export,
    SubjectAccessRequested,
    SubjectAccessReleased,
    Erased,
    ErasureRefused,
    RetentionRun,

    /// <summary>A record created by a caseload import; Detail names the source file and the import.</summary>
    Imported,
}

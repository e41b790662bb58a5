namespace Nolb.Web.Domain.CaseloadImport;

/// <summary>
/// One upload of an LEP's caseload file and what became of it: the columns and values it was mapped with (the next
/// upload starts from them), the dry run's counts and the import's. The file itself waits on disk between the steps and
/// is deleted once imported.
/// </summary>
public sealed class ImportRun : IVersioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid LepId { get; init; }
    public Guid StartedByUserId { get; init; }
    public required string FileName { get; init; }

    /// <summary>What every row of the file is; null when a "RecordType" column says it row by row.</summary>
    public ImportRecordKind? Holds { get; init; }

    /// <summary>Nolb field name → the file's column header, as JSON.</summary>
    public string ColumnMapping { get; set; } = "{}";

    /// <summary>Nolb field name → (the file's value → Nolb's code), as JSON.</summary>
    public string ValueMapping { get; set; } = "{}";

    public ImportRunStatus Status { get; set; } = ImportRunStatus.Uploaded;
    public int Rows { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Refused { get; set; }
    public int PossibleDuplicates { get; set; }

    /// <summary>Whether people who look like someone already in Nolb are imported as new people anyway.</summary>
    public bool ImportPossibleDuplicates { get; set; }

    /// <summary>Why the last step failed, in words, when it did; nothing was written then.</summary>
    public string? Failure { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime? CheckedAt { get; set; }
    public DateTime? ImportedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

public enum ImportRunStatus
{
    Uploaded,
    Checking,
    Checked,
    Importing,
    Imported,
    Failed,
}

/// <summary>The kinds of record a caseload file holds, in the order they are imported (a stage needs its engagement first).</summary>
public enum ImportRecordKind
{
    Person,
    Engagement,
    Stage,
    Intervention,
    Outcome,
}

/// <summary>
/// A record made by an import, under the LEP's own reference: what makes importing the same file again change nothing,
/// and lets a later file (engagements, say) refer to people imported earlier.
/// </summary>
public sealed class ImportedRecord
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid LepId { get; init; }
    public ImportRecordKind Kind { get; init; }

    /// <summary>The LEP's reference (for a stage: engagement reference, stage and date).</summary>
    public required string Reference { get; init; }
    public Guid EntityId { get; init; }

    /// <summary>SHA-256 of the row's mapped values: the same row again is "unchanged".</summary>
    public required string Hash { get; set; }
    public Guid ImportRunId { get; set; }
}

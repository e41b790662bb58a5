namespace Nolb.Web.Domain.DataRights;

/// <summary>
/// A person's request for a copy of everything held about them (UK GDPR article 15), recorded by an administrator,
/// and its release: which case notes were withheld and which passages were blacked out to protect other people
/// (article 15(4)), by whom and when. The copy itself is produced again from the record on each download.
/// </summary>
public sealed class SubjectAccessRequest : IVersioned
{
    public const int TextLength = 1000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ParticipantId { get; init; }
    public Guid LepId { get; init; }
    public DateOnly ReceivedOn { get; init; }

    /// <summary>Who asked and how (e.g. "the person, by letter"); no more than the administrator needs to find the request again.</summary>
    public string? Notes { get; set; }
    public Guid RecordedByUserId { get; init; }
    public DateTime RecordedAt { get; init; }

    public DateTime? ReleasedAt { get; private set; }
    public Guid? ReleasedByUserId { get; private set; }
    public List<Guid> RedactedNoteIds { get; private set; } = [];

    /// <summary>Words or phrases (a third party's name, say) replaced by "[redacted]" wherever they appear in the notes released.</summary>
    public List<string> RedactedPassages { get; private set; } = [];
    public string? RedactionReason { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsReleased => ReleasedAt is not null;

    /// <summary>A calendar month from receipt (article 12(3)); extensions are the administrator's to record in the notes.</summary>
    public DateOnly DueOn => ReceivedOn.AddMonths(1);

    public IReadOnlyList<(string Field, string Message)> Release(
        IReadOnlyCollection<Guid> redactedNoteIds, IReadOnlyCollection<string> redactedPassages, string? reason, Guid by, DateTime now)
    {
        if (IsReleased)
        {
            return [("", "This request has already been released. Download the copy that was released, or record a new request")];
        }

        var passages = redactedPassages.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if ((redactedNoteIds.Count > 0 || passages.Count > 0) && string.IsNullOrWhiteSpace(reason))
        {
            return [("RedactionReason", "Say why the notes or passages are withheld, for example \"names another person\"")];
        }

        if (passages.Any(p => p.Length < 2 || p.Length > 200))
        {
            return [("RedactedPassages", "Each passage to black out must be between 2 and 200 characters long, one on each line")];
        }

        if (reason is { Length: > TextLength })
        {
            return [("RedactionReason", $"The reason must be {TextLength} characters or fewer")];
        }

        RedactedNoteIds = redactedNoteIds.Distinct().ToList();
        RedactedPassages = passages;
        RedactionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        ReleasedAt = now;
        ReleasedByUserId = by;
        return [];
    }

    /// <summary>On erasure: the notes and the passages blacked out (other people's names, say) go; the dates stay.</summary>
    public void EraseNotes()
    {
        Notes = null;
        RedactedPassages = [];
        RedactionReason = null;
    }
}

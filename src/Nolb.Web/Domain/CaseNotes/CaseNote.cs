namespace Nolb.Web.Domain.CaseNotes;

/// <summary>
/// A dated, authored note on an engagement. Its author may change it for 24 hours after writing it; after
/// that it is append-only, and a correction is a new note that refers to it. A sensitive note (health,
/// justice, safeguarding) is seen only by the case's key worker, the LEP's team leaders and its author.
/// </summary>
public sealed class CaseNote : IVersioned
{
    public static readonly TimeSpan EditWindow = TimeSpan.FromHours(24);
    public const int TextLength = 8000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EngagementId { get; init; }
    public Guid LepId { get; init; }

    /// <summary>The day the contact or event the note describes happened.</summary>
    public DateOnly Date { get; private set; }

    public string Text { get; private set; } = "";
    public NoteSensitivity? Sensitivity { get; private set; }
    public Guid AuthorUserId { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? EditedAt { get; private set; }

    /// <summary>The earlier note this one corrects, if any.</summary>
    public Guid? CorrectsNoteId { get; init; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsSensitive => Sensitivity is not null;

    public static DomainResult<CaseNote> Write(
        Guid engagementId, Guid lepId, DateOnly? date, string? text, NoteSensitivity? sensitivity, Guid? correcting,
        DateOnly engagementStart, Guid author, DateOnly today, DateTime now)
    {
        var note = new CaseNote { EngagementId = engagementId, LepId = lepId, AuthorUserId = author, CreatedAt = now, CorrectsNoteId = correcting };
        var error = note.Set(date, text, sensitivity, engagementStart, today);
        return error is null ? DomainResult.Ok(note) : DomainResult.Fail<CaseNote>(error.Value.Field, error.Value.Message);
    }

    public bool IsEditableBy(Guid userId, DateTime now) => userId == AuthorUserId && now - CreatedAt < EditWindow;

    public DomainResult<CaseNote> Edit(
        DateOnly? date, string? text, NoteSensitivity? sensitivity, DateOnly engagementStart, Guid editor, DateOnly today, DateTime now)
    {
        if (editor != AuthorUserId)
        {
            return DomainResult.Fail<CaseNote>("Text", "Only the author can change a note. Add a new note that corrects it instead");
        }

        if (!IsEditableBy(editor, now))
        {
            return DomainResult.Fail<CaseNote>("Text", "Notes can be changed for 24 hours after they are written. Add a new note that corrects this one instead");
        }

        var error = Set(date, text, sensitivity, engagementStart, today);
        if (error is not null)
        {
            return DomainResult.Fail<CaseNote>(error.Value.Field, error.Value.Message);
        }

        EditedAt = now;
        return DomainResult.Ok(this);
    }

    private (string Field, string Message)? Set(DateOnly? date, string? text, NoteSensitivity? sensitivity, DateOnly engagementStart, DateOnly today)
    {
        if (date is null)
        {
            return ("Date", "Enter the date the note is about");
        }

        if (date > today)
        {
            return ("Date", "The date cannot be in the future");
        }

        if (date < engagementStart)
        {
            return ("Date", $"The date cannot be before the engagement started ({engagementStart:d MMMM yyyy})");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return ("Text", "Enter the note");
        }

        if (text.Trim().Length > TextLength)
        {
            return ("Text", "The note must be 8,000 characters or fewer");
        }

        if (sensitivity is { } s && !Enum.IsDefined(s))
        {
            return ("Sensitivity", "Choose health, justice or safeguarding, or leave the note not sensitive");
        }

        Date = date.Value;
        Text = text.Trim();
        Sensitivity = sensitivity;
        return null;
    }
}

/// <summary>Why a note is sensitive. Any of these limits who may read it.</summary>
public enum NoteSensitivity
{
    Health,
    Justice,
    Safeguarding,
}

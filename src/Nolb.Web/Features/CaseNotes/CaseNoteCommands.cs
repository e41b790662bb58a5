using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.CaseNotes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Participants;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.CaseNotes;

/// <summary>One note as pages and the API show it. <c>CanEdit</c> says whether the current user may still change it.</summary>
public sealed record CaseNoteView(
    Guid Id, Guid EngagementId, DateOnly Date, string Text, NoteSensitivity? Sensitivity, Guid AuthorUserId, string AuthorName,
    DateTime CreatedAt, DateTime? EditedAt, Guid? CorrectsNoteId, bool CanEdit, Guid Version);

/// <summary>
/// Who may read a sensitive note: the case's key worker, anyone holding the LEP-wide sensitive-note
/// permission (team leaders) and its author. Everyone else never receives it — not in pages, the API
/// or the timeline — so every query of notes goes through <see cref="VisibleTo"/>.
/// </summary>
public static class CaseNoteVisibility
{
    public static bool SeesAllSensitive(this CurrentUser user, Engagement engagement) =>
        user.Has(Permissions.CaseNotes.ReadSensitiveLep) || (engagement.KeyWorkerId is { } keyWorker && keyWorker == user.Id);

    public static IQueryable<CaseNote> VisibleTo(this IQueryable<CaseNote> notes, CurrentUser user, Engagement engagement)
    {
        notes = notes.Where(n => n.EngagementId == engagement.Id);
        if (user.SeesAllSensitive(engagement))
        {
            return notes;
        }

        var userId = user.Id;
        return notes.Where(n => n.Sensitivity == null || n.AuthorUserId == userId);
    }
}

/// <summary>Write, correct, change (author only, within 24 hours) and list the notes on an engagement.</summary>
public sealed class CaseNoteCommands(NolbDbContext db, CaseActivityAccess access, CurrentUser currentUser, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => UkTime.Today(clock);

    public async Task<ActivityResult<List<CaseNoteView>>> ListAsync(Guid engagementId, CancellationToken ct)
    {
        var view = await access.ReadAsync(engagementId, "CaseNotes", ct);
        if (view is null)
        {
            return Activity.Fail<List<CaseNoteView>>(ActivityOutcome.NotFound);
        }

        return Activity.Done<List<CaseNoteView>>(await Views(view).ToListAsync(ct));
    }

    /// <summary>One note; a sensitive note the user may not read answers 404, exactly like one that does not exist.</summary>
    public async Task<ActivityResult<CaseNoteView>> GetAsync(Guid engagementId, Guid id, CancellationToken ct)
    {
        var view = await access.ReadAsync(engagementId, nameof(CaseNote), ct);
        var note = view is null ? null : await Views(view, id).SingleOrDefaultAsync(ct);
        return note is null ? Activity.Fail<CaseNoteView>(ActivityOutcome.NotFound) : Activity.Done<CaseNoteView>(note);
    }

    public async Task<ActivityResult<CaseNote>> WriteAsync(
        Guid engagementId, DateOnly? date, string? text, NoteSensitivity? sensitivity, Guid? corrects, CancellationToken ct)
    {
        var (view, outcome) = await access.EditAsync(engagementId, ct);
        if (view is null)
        {
            return Activity.Fail<CaseNote>(outcome);
        }

        if (corrects is { } correctedId && !await db.CaseNotes.VisibleTo(currentUser, view.Engagement).AnyAsync(n => n.Id == correctedId, ct))
        {
            return Activity.Invalid<CaseNote>("CorrectsNoteId", "The note being corrected is not on this engagement");
        }

        var result = CaseNote.Write(engagementId, view.Engagement.LepId, date, text, sensitivity, corrects, view.Engagement.StartDate, currentUser.Id!.Value, Today, Now);
        if (!result.Succeeded)
        {
            return Activity.Invalid<CaseNote>(result.Field!, result.Error!);
        }

        db.CaseNotes.Add(result.Value!);
        await db.SaveChangesAsync(ct);
        return Activity.Done<CaseNote>(result.Value!);
    }

    public async Task<ActivityResult<CaseNote>> EditAsync(
        Guid engagementId, Guid id, DateOnly? date, string? text, NoteSensitivity? sensitivity, Guid version, CancellationToken ct)
    {
        var (view, outcome) = await access.EditAsync(engagementId, ct);
        if (view is null)
        {
            return Activity.Fail<CaseNote>(outcome);
        }

        var note = await db.CaseNotes.VisibleTo(currentUser, view.Engagement).SingleOrDefaultAsync(n => n.Id == id, ct);
        if (note is null)
        {
            return Activity.Fail<CaseNote>(ActivityOutcome.NotFound);
        }

        if (note.AuthorUserId != currentUser.Id)
        {
            return Activity.Fail<CaseNote>(ActivityOutcome.Forbidden);
        }

        if (note.Version != version)
        {
            return Activity.Fail<CaseNote>(ActivityOutcome.Conflict);
        }

        var result = note.Edit(date, text, sensitivity, view.Engagement.StartDate, currentUser.Id!.Value, Today, Now);
        if (!result.Succeeded)
        {
            return Activity.Invalid<CaseNote>(result.Field!, result.Error!);
        }

        db.Entry(note).Property(n => n.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Activity.Fail<CaseNote>(ActivityOutcome.Conflict);
        }

        return Activity.Done<CaseNote>(note);
    }

    /// <summary>The notes the user may read, or just one of them (filtered before the projection, which EF cannot filter on).</summary>
    private IQueryable<CaseNoteView> Views(CaseView view, Guid? only = null)
    {
        var userId = currentUser.Id;
        var editableSince = Now - CaseNote.EditWindow;
        var notes = db.CaseNotes.AsNoTracking().VisibleTo(currentUser, view.Engagement);
        if (only is { } id)
        {
            notes = notes.Where(n => n.Id == id);
        }

        return notes
            .OrderByDescending(n => n.Date).ThenByDescending(n => n.CreatedAt)
            .Select(n => new CaseNoteView(
                n.Id, n.EngagementId, n.Date, n.Text, n.Sensitivity, n.AuthorUserId,
                db.Users.Where(u => u.Id == n.AuthorUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                n.CreatedAt, n.EditedAt, n.CorrectsNoteId, view.CanEdit && n.AuthorUserId == userId && n.CreatedAt > editableSince, n.Version));
    }
}

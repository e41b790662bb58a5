using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.CaseNotes;
using Nolb.Web.Features.Participants;
using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.CaseNotes;

/// <summary>
/// Write a case note, write a correction of an earlier one (<c>?corrects=</c>), or change one of your own
/// within 24 hours of writing it.
/// </summary>
[Authorize(Policy = Security.Permissions.Participants.EditOwnCaseload)]
public sealed class NoteModel(CaseActivityAccess access, CaseNoteCommands commands, NolbDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public NoteInput Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public CaseNoteView? Corrected { get; private set; }
    public bool IsNew { get; private set; }

    public static IReadOnlyList<SelectListItem> SensitivityChoices { get; } =
        new[] { new SelectListItem("Not sensitive", "") }
            .Concat(Enum.GetValues<NoteSensitivity>().Select(s => new SelectListItem($"Sensitive: {CaseNoteLabels.Label(s).ToLowerInvariant()}", s.ToString())))
            .ToList();

    public sealed class NoteInput
    {
        public DateOnly? Date { get; set; }
        public string? Text { get; set; }
        public NoteSensitivity? Sensitivity { get; set; }
        public Guid? CorrectsNoteId { get; set; }
        public Guid Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid engagementId, Guid? id, Guid? corrects, CancellationToken ct)
    {
        var failure = await LoadAsync(engagementId, id, corrects, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (id is null)
        {
            Input = new NoteInput { Date = UkTime.Today(clock), CorrectsNoteId = Corrected?.Id, Sensitivity = Corrected?.Sensitivity };
            return Page();
        }

        var note = await commands.GetAsync(engagementId, id.Value, ct);
        if (note.Value is not { } n)
        {
            return NotFound();
        }

        if (!n.CanEdit)
        {
            return Forbid();
        }

        Input = new NoteInput { Date = n.Date, Text = n.Text, Sensitivity = n.Sensitivity, Version = n.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid engagementId, Guid? id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = id is null
            ? await commands.WriteAsync(engagementId, Input.Date, Input.Text, Input.Sensitivity, Input.CorrectsNoteId, ct)
            : await commands.EditAsync(engagementId, id.Value, Input.Date, Input.Text, Input.Sensitivity, Input.Version, ct);
        if (result.Outcome == ActivityOutcome.Done)
        {
            TempData["Confirmation"] = id is null ? "The note is added." : "The note is saved.";
            return RedirectToPage("/Participants/Record", new { id = await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.ParticipantId).SingleAsync(ct) });
        }

        return result.Handle(ModelState) ?? await LoadAsync(engagementId, id, Input.CorrectsNoteId, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid engagementId, Guid? id, Guid? corrects, CancellationToken ct)
    {
        var (view, outcome) = await access.EditAsync(engagementId, ct);
        if (view is null)
        {
            return outcome == ActivityOutcome.Forbidden ? Forbid() : NotFound();
        }

        IsNew = id is null;
        if (IsNew && corrects is { } correctedId)
        {
            Corrected = (await commands.GetAsync(engagementId, correctedId, ct)).Value;
            if (Corrected is null)
            {
                return NotFound();
            }
        }

        var title = !IsNew ? "Change a case note" : Corrected is null ? "Add a case note" : "Correct a case note";
        Heading = (view.Participant.Id, view.Participant.DisplayName, view.Participant.Reference, title);
        return null;
    }
}

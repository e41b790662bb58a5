using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Participants;

/// <summary>A team leader hands an open case to another key worker or team leader of the LEP that delivers it.</summary>
[Authorize(Policy = Permissions.Participants.EditOwnCaseload)]
public sealed class ReassignModel(ParticipantRecords records, NolbDbContext db, CaseCommands commands, CurrentUser currentUser) : PageModel
{
    [BindProperty]
    public ReassignInput Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public string? CurrentKeyWorker { get; private set; }
    public IReadOnlyList<SelectListItem> KeyWorkers { get; private set; } = [];

    public sealed class ReassignInput
    {
        public Guid? ToKeyWorkerId { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.ReassignAsync(id, Input.ToKeyWorkerId, Input.Reason, ct);
        if (result.Outcome == CaseCommands.Outcome.Done)
        {
            var name = await db.Users.Where(u => u.Id == result.Value!.ToKeyWorkerId).Select(u => u.DisplayName).SingleAsync(ct);
            TempData["Confirmation"] = $"The case is now with {name}.";
            return RedirectToPage("Record", new { id = await db.Engagements.Where(e => e.Id == id).Select(e => e.ParticipantId).SingleAsync(ct) });
        }

        return result.Handle(ModelState) ?? await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>404 when the case is not the user's to see, 403 when they may not reassign it, otherwise null.</summary>
    private async Task<IActionResult?> LoadAsync(Guid engagementId, CancellationToken ct)
    {
        var (participant, engagement, canEdit) = await records.EngagementForEditAsync(engagementId, ct);
        if (participant is null || engagement is null)
        {
            return NotFound();
        }

        if (!canEdit || !currentUser.Has(Permissions.Participants.Reassign))
        {
            return Forbid();
        }

        Heading = (participant.Id, participant.DisplayName, participant.Reference, "Reassign the case");
        var staff = await db.Users
            .Where(u => u.LepId == engagement.LepId && !u.IsDisabled && (u.Role == Role.KeyWorker || u.Role == Role.TeamLeader))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Role })
            .ToListAsync(ct);
        CurrentKeyWorker = await db.Users.Where(u => u.Id == engagement.KeyWorkerId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        KeyWorkers = staff
            .Where(u => u.Id != engagement.KeyWorkerId)
            .Select(u => new SelectListItem($"{u.DisplayName} ({u.Role.DisplayName().ToLowerInvariant()})", u.Id.ToString()))
            .ToList();
        return null;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Participants;

/// <summary>Start a period of support: the person enters stage 1 on the start date.</summary>
[Authorize(Policy = Permissions.Participants.EditOwnCaseload)]
public sealed class StartEngagementModel(ParticipantRecords records, NolbDbContext db, CaseCommands commands, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty]
    public StartInput Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public IReadOnlyList<SelectListItem> KeyWorkers { get; private set; } = [];

    public sealed class StartInput
    {
        public DateOnly? StartDate { get; set; }
        public ReferralSource? ReferralSource { get; set; }
        public List<FundingStream> FundingStreams { get; set; } = [];
        public Guid? KeyWorkerId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await LoadAsync(id, ct);
        if (found is null)
        {
            return NotFound();
        }

        if (found == false)
        {
            return Forbid();
        }

        Input.StartDate = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Input.KeyWorkerId = currentUser.Role == Role.KeyWorker ? currentUser.Id : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.StartEngagementAsync(id, Input.StartDate, Input.ReferralSource, Input.FundingStreams, Input.KeyWorkerId, ct);
        if (result.Outcome == CaseCommands.Outcome.Done)
        {
            TempData["Confirmation"] = "The engagement has started at stage 1.";
            return RedirectToPage("Record", new { id });
        }

        return result.Handle(ModelState) ?? (await LoadAsync(id, ct) is null ? NotFound() : Page());
    }

    /// <summary>Null when the person is not the user's to see; otherwise whether the user may change their record.</summary>
    private async Task<bool?> LoadAsync(Guid id, CancellationToken ct)
    {
        var (participant, canEdit) = await records.ForEditAsync(id, ct);
        if (participant is null)
        {
            return null;
        }

        Heading = (participant.Id, participant.DisplayName, participant.Reference, "Start an engagement");
        KeyWorkers = await db.Users
            .Where(u => u.LepId == participant.LepId && !u.IsDisabled && (u.Role == Role.KeyWorker || u.Role == Role.TeamLeader))
            .OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName, u.Id.ToString()))
            .ToListAsync(ct);
        return canEdit;
    }
}

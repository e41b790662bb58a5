using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Referrals;

/// <summary>Referrals partners sent into the LEP (through the API), waiting for a team leader to give each to a key worker.</summary>
[Authorize(Policy = Permissions.Referrals.Triage)]
public sealed class TriageModel(NolbDbContext db, CurrentUser currentUser, ReferralCommands commands, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ReferralRow> Waiting { get; private set; } = [];
    public IReadOnlyList<ReferralRow> Allocated { get; private set; } = [];
    public IReadOnlyList<SelectListItem> KeyWorkers { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    [BindProperty]
    public AllocateInput Input { get; set; } = new();

    public sealed class AllocateInput
    {
        public Guid? ReferralId { get; set; }
        public Guid? KeyWorkerId { get; set; }
        public Guid? Version { get; set; }
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.AllocateAsync(Input.ReferralId ?? Guid.Empty, Input.KeyWorkerId, Input.Version, ct);
        if (result.Outcome == CaseCommands.Outcome.Done)
        {
            TempData["Confirmation"] = "The referral is allocated.";
            return RedirectToPage();
        }

        var handled = result.Handle(ModelState);
        if (handled is not null)
        {
            return handled;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.Triage(currentUser).RowsAsync(db, commands.Options, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct);
        Waiting = rows.Where(r => r.Status == ReferralStatus.Sent).ToList();
        Allocated = rows.Where(r => r.Status != ReferralStatus.Sent).Take(50).ToList();
        var staff = await db.Users.Where(u => u.LepId == currentUser.LepId && !u.IsDisabled && (u.Role == Role.KeyWorker || u.Role == Role.TeamLeader))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        KeyWorkers = staff.Select(u => new SelectListItem(u.DisplayName, u.Id.ToString())).ToList();
        Names = staff.ToDictionary(u => u.Id, u => u.DisplayName);
    }
}

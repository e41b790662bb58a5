using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Outcomes;

/// <summary>Sustainment checks due in the next four weeks or overdue: your own cases, or the whole LEP's.</summary>
[Authorize(Policy = Permissions.Participants.ReadOwnCaseload)]
public sealed class DueModel(SustainmentDue due, CurrentUser currentUser) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    public bool WholeLep { get; private set; }
    public bool CanSeeLep { get; private set; }
    public IReadOnlyList<SustainmentDue.DueCheck> Checks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        CanSeeLep = currentUser.Has(Permissions.Participants.ReadLep);
        WholeLep = CanSeeLep && Scope == "lep";
        Checks = await due.ListAsync(WholeLep, null, ct);
        return Page();
    }
}

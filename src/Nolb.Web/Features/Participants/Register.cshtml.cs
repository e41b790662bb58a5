using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Participants;

/// <summary>
/// Registers a person after the duplicate check. The form carries a one-time token (<see cref="OnceOnlyFormFilter"/>), so
/// the same form sent twice registers the person once.
/// </summary>
[Authorize(Policy = Permissions.Participants.Register)]
public sealed class RegisterModel(RegisterParticipant register, CurrentUser currentUser) : PageModel
{
    [BindProperty]
    public ParticipantForm Input { get; set; } = new();

    /// <summary>Ticked by the key worker after checking the possible duplicates shown.</summary>
    [BindProperty]
    public bool ConfirmedNotDuplicate { get; set; }

    public IReadOnlyList<RegisterParticipant.PossibleDuplicate> PossibleDuplicates { get; private set; } = [];
    public bool ShowEquality => currentUser.CanSeeEqualityData();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await register.RegisterAsync(Input.ToDetails(), ConfirmedNotDuplicate, ct);
        if (result.Succeeded)
        {
            TempData["Confirmation"] = $"{result.Participant!.DisplayName} is registered with reference {result.Participant.Reference}.";
            return RedirectToPage("Record", new { id = result.Participant.Id });
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError($"Input.{field}", message);
        }

        PossibleDuplicates = result.PossibleDuplicates;
        return Page();
    }
}

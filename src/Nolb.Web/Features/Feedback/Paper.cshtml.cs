using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.Voice;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Feedback;

/// <summary>A key worker keys in Customer Charter feedback the person gave on paper, named or anonymous as the person chose.</summary>
[Authorize(Policy = Permissions.Participants.EditOwnCaseload)]
public sealed class PaperModel(ParticipantRecords records, FeedbackCommands feedback) : PageModel
{
    [BindProperty]
    public FeedbackForm Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (participant, canEdit) = await records.ForEditAsync(id, ct);
        if (participant is null)
        {
            return NotFound();
        }

        if (!canEdit)
        {
            return Forbid();
        }

        Heading = (participant.Id, participant.DisplayName, participant.Reference, "Key in feedback from paper");
        Input.Fill(await feedback.CommitmentsForAsync(participant.LepId, ct));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var (participant, canEdit) = await records.ForEditAsync(id, ct);
        if (participant is null)
        {
            return NotFound();
        }

        if (!canEdit)
        {
            return Forbid();
        }

        Heading = (participant.Id, participant.DisplayName, participant.Reference, "Key in feedback from paper");
        var engagement = participant.OpenEngagement ?? participant.Engagements.OrderByDescending(e => e.StartDate).FirstOrDefault();
        if (engagement is null)
        {
            ModelState.AddModelError("Input.Point", "This person has no engagement yet. Start one before keying in feedback");
        }
        else
        {
            var (_, errors) = await feedback.GiveAsync(participant, engagement, Input, FeedbackChannel.Paper, ct);
            if (errors.Count == 0)
            {
                TempData["Confirmation"] = Input.Anonymous
                    ? "The feedback is saved anonymously: it is not kept with this record."
                    : "The feedback is saved.";
                return RedirectToPage("/Participants/Record", new { id });
            }

            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError(FeedbackForm.FieldKey(field), message);
            }
        }

        Input.Fill(await feedback.CommitmentsForAsync(participant.LepId, ct));
        return Page();
    }
}

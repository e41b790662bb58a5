using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.Voice;
using Nolb.Web.Features.Feedback;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Me;

/// <summary>The person tells us how well we kept the Customer Charter's promises, with their name or anonymously.</summary>
[Authorize(Policy = Permissions.Feedback.GiveOwn)]
public sealed class FeedbackModel(MyRecord me, FeedbackCommands feedback) : PageModel
{
    [BindProperty]
    public FeedbackForm Input { get; set; } = new();

    public bool CanGive { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var person = await me.FindAsync(ct);
        CanGive = person?.Engagements.Count > 0;
        Input.Fill(await feedback.CommitmentsForAsync(person?.LepId, ct));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var person = await me.FindAsync(ct);
        var engagement = person?.OpenEngagement ?? person?.Engagements.OrderByDescending(e => e.StartDate).FirstOrDefault();
        if (person is null || engagement is null)
        {
            return NotFound();
        }

        CanGive = true;
        var (_, errors) = await feedback.GiveAsync(person, engagement, Input, FeedbackChannel.Online, ct);
        if (errors.Count == 0)
        {
            TempData["Confirmation"] = "Thank you. Your feedback helps us make the service better.";
            return RedirectToPage("Index");
        }

        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(FeedbackForm.FieldKey(field), message);
        }

        Input.Fill(await feedback.CommitmentsForAsync(person.LepId, ct));
        return Page();
    }
}

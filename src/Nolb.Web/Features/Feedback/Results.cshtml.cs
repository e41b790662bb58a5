using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Voice;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Feedback;

/// <summary>
/// The LEP's Customer Charter results: satisfaction per commitment and per period and service, and the comments,
/// which staff tag with themes. Nothing shows who gave a comment, named or not.
/// </summary>
[Authorize(Policy = Permissions.Feedback.Manage)]
public sealed class ResultsModel(NolbDbContext db, SatisfactionQuery query, CurrentUser currentUser) : PageModel
{
    public const int MaxThemes = 10;
    public const int MaxThemeLength = 60;

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? OrganisationId { get; set; }

    public SatisfactionQuery.Satisfaction Overall { get; private set; } = new(0, 0, 0);
    public IReadOnlyList<SatisfactionQuery.CommitmentResult> Commitments { get; private set; } = [];
    public IReadOnlyList<SatisfactionQuery.GroupResult> Groups { get; private set; } = [];
    public IReadOnlyList<Comment> Comments { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Periods { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Services { get; private set; } = [];

    public sealed record Comment(Guid Id, string Period, FeedbackPoint Point, FeedbackChannel Channel, string Text, IReadOnlyList<string> Themes, Guid Version);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Sets a comment's themes from a comma-separated list, refusing if someone else tagged it since the page was read.</summary>
    public async Task<IActionResult> OnPostThemesAsync(Guid responseId, Guid? version, string? themes, CancellationToken ct)
    {
        var response = await db.FeedbackResponses.SingleOrDefaultAsync(r => r.Id == responseId, ct);
        if (response is null || response.LepId != currentUser.LepId)
        {
            return NotFound();
        }

        var tags = (themes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (tags.Count > MaxThemes || tags.Any(t => t.Length > MaxThemeLength))
        {
            TempData["Problem"] = $"Use up to {MaxThemes} themes, each {MaxThemeLength} characters or fewer, separated by commas";
        }
        else if (version != response.Version)
        {
            TempData["Problem"] = "Someone else tagged this comment since you opened the page. Look at their themes, then try again";
        }
        else
        {
            db.Entry(response).Property(r => r.Version).OriginalValue = version.Value;
            response.Themes = tags;
            try
            {
                await db.SaveChangesAsync(ct);
                TempData["Confirmation"] = "The themes are saved.";
            }
            catch (DbUpdateConcurrencyException)
            {
                TempData["Problem"] = "Someone else tagged this comment since you opened the page. Look at their themes, then try again";
            }
        }

        return RedirectToPage(new { Period, OrganisationId });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var lepId = currentUser.LepId!.Value;
        Overall = await query.SatisfactionAsync(lepId, Period, OrganisationId, ct);
        Commitments = await query.ByCommitmentAsync(lepId, Period, OrganisationId, ct);
        Groups = await query.ByPeriodAndServiceAsync(lepId, ct);
        Periods = Groups.Select(g => g.Period).Distinct().Select(p => new SelectListItem(p, p)).ToList();
        Services = Groups.Where(g => g.OrganisationId is not null).DistinctBy(g => g.OrganisationId)
            .Select(g => new SelectListItem(g.Service, g.OrganisationId!.Value.ToString())).ToList();
        Comments = (await db.FeedbackResponses.AsNoTracking()
                .Where(r => r.LepId == lepId && r.Improvement != null && (Period == null || r.Period == Period) && (OrganisationId == null || r.OrganisationId == OrganisationId))
                .Select(r => new { r.Id, r.Period, r.Point, r.Channel, r.Improvement, r.Themes, r.Version })
                .ToListAsync(ct))
            .OrderByDescending(r => r.Period, StringComparer.Ordinal).ThenBy(r => r.Id)
            .Select(r => new Comment(r.Id, r.Period, r.Point, r.Channel, r.Improvement!, r.Themes, r.Version))
            .ToList();
    }
}

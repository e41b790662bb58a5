using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Improvement;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Improvement;

/// <summary>
/// One self-assessment: rate each standard or theme with evidence and save it as a draft or submit it; an LEP manager accepts a
/// submitted one or returns it with a comment. Partner workers see only their own organisation's; another LEP's is not found.
/// </summary>
[Authorize(Policy = Permissions.Improvement.SelfAssessStandards)]
public sealed class AssessmentModel(SelfAssessmentCommands commands) : PageModel
{
    public sealed class RatingInput
    {
        public string Code { get; set; } = "";
        public int? Score { get; set; }
        public string? Evidence { get; set; }
    }

    public sealed class FormInput
    {
        public List<RatingInput> Ratings { get; set; } = [];
        public Guid? Version { get; set; }
        public bool? Accept { get; set; }
        public string? Comment { get; set; }
    }

    [BindProperty]
    public FormInput Input { get; set; } = new();

    public SelfAssessment Assessment { get; private set; } = null!;
    public AssessmentFrameworks.Framework Framework { get; private set; } = null!;
    public string Who { get; private set; } = "";
    public bool MayRate { get; private set; }
    public bool MayReview => commands.IsManager && Assessment.Status == SelfAssessmentStatus.Submitted;

    public static IReadOnlyList<SelectListItem> Scores { get; } =
        Enumerable.Range(SelfAssessmentScale.Min, SelfAssessmentScale.Max).Select(s => new SelectListItem(SelfAssessmentScale.Label(s), s.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public static IReadOnlyList<SelectListItem> Decisions { get; } = [new("Accept it", bool.TrueString), new("Return it for changes", bool.FalseString)];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        Input = new FormInput
        {
            Version = Assessment.Version,
            Ratings = Framework.Items.Select(i => new RatingInput { Code = i.Code, Score = Assessment.ScoreFor(i.Code), Evidence = Assessment.Ratings.FirstOrDefault(r => r.Code == i.Code)?.Evidence }).ToList(),
        };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct) =>
        HandleAsync(id, "The ratings are saved as a draft.", () => commands.RateAsync(id, Ratings(), Input.Version, ct), ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) =>
        HandleAsync(id, "The self-assessment is submitted for review.", () => commands.SubmitAsync(id, Ratings(), Input.Version, ct), ct);

    public Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken ct) =>
        HandleAsync(id, Input.Accept == true ? "The self-assessment is accepted." : "The self-assessment is returned with your comment.",
            () => commands.ReviewAsync(id, Input.Accept, Input.Comment, Input.Version, ct), ct);

    private List<SelfAssessmentRating> Ratings() =>
        Input.Ratings.Select(r => new SelfAssessmentRating { Code = r.Code, Score = r.Score, Evidence = r.Evidence }).ToList();

    private async Task<IActionResult> HandleAsync(Guid id, string done, Func<Task<PlanningResult<SelfAssessment>>> change, CancellationToken ct)
    {
        var result = await change();
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = done;
            return RedirectToPage(new { id });
        }

        var posted = Input;
        ModelState.Clear();
        if (result.Handle(ModelState, FieldName) is { } refused)
        {
            return refused;
        }

        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        Input = posted;
        return Page();
    }

    /// <summary>"ratings.S2.score" is the rating radios of the second standard on the page.</summary>
    private string FieldName(string field)
    {
        var parts = field.Split('.');
        if (parts is ["ratings", var code, var what] && Input.Ratings.FindIndex(r => r.Code == code) is var index and >= 0)
        {
            return $"Input.Ratings[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}].{char.ToUpperInvariant(what[0])}{what[1..]}";
        }

        return PlanningPageResults.InputField(field);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await commands.Visible.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (found is null)
        {
            return NotFound();
        }

        Assessment = found;
        Framework = AssessmentFrameworks.For(found.Framework);
        MayRate = commands.MayRate(found) && found.CanChange;
        Who = found.OrganisationId is { } organisationId
            ? (await commands.OrganisationNamesAsync(ct)).GetValueOrDefault(organisationId, "A delivery partner")
            : "The LEP";
        return null;
    }
}

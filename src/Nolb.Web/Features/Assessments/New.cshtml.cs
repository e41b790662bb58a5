using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Assessments;

/// <summary>Record a needs assessment done with the person: a 1–5 score for each area discussed, and their strengths and aspirations.</summary>
[Authorize(Policy = Permissions.Participants.EditOwnCaseload)]
public sealed class NewModel(EngagementCases cases, AssessmentCommands assessments, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<AssessmentDomain> Domains = Enum.GetValues<AssessmentDomain>();

    [BindProperty]
    public AssessmentForm Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }

    public sealed class AssessmentForm
    {
        public DateOnly? AssessedOn { get; set; }

        /// <summary>One answer per domain, in the order of <see cref="Domains"/>: "1" to "5", or empty for not discussed.</summary>
        public List<string?> Scores { get; set; } = Domains.Select(_ => (string?)"").ToList();

        public string? Strengths { get; set; }
        public string? Aspirations { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null)
        {
            return denied;
        }

        Input.AssessedOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var scores = new Dictionary<AssessmentDomain, int?>();
        var unreadable = new List<(string, string)>();
        for (var i = 0; i < Domains.Count; i++)
        {
            var answer = i < Input.Scores.Count ? Input.Scores[i] : null;
            if (string.IsNullOrWhiteSpace(answer))
            {
                scores[Domains[i]] = null;
            }
            else if (int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var score))
            {
                scores[Domains[i]] = score;
            }
            else
            {
                unreadable.Add(($"scores.{Domains[i]}", $"Score {Domains[i].Describe().Name.ToLowerInvariant()} from 1 to 5, or leave it as not discussed"));
            }
        }

        var result = unreadable.Count > 0
            ? PlanningResult.Invalid<NeedsAssessment>(unreadable)
            : await assessments.CreateAsync(id, new AssessmentInput(Input.AssessedOn, scores, Input.Strengths, Input.Aspirations), ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The needs assessment is saved.";
            return RedirectToPage("Index", new { id });
        }

        return result.Handle(ModelState, FieldName) ?? await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>"scores.Housing" is the radio group for housing; "scores" alone points at the first group.</summary>
    private static string FieldName(string field)
    {
        if (field == "scores")
        {
            return "Input.Scores[0]";
        }

        return field.StartsWith("scores.", StringComparison.Ordinal) && Enum.TryParse<AssessmentDomain>(field["scores.".Length..], out var domain)
            ? $"Input.Scores[{Domains.ToList().IndexOf(domain).ToString(CultureInfo.InvariantCulture)}]"
            : PlanningPageResults.InputField(field);
    }

    /// <summary>Null when the page may be shown; otherwise 404 or 403.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await cases.FindAsync(id, ct);
        if (found is null)
        {
            return NotFound();
        }

        if (!found.CanEdit)
        {
            return Forbid();
        }

        Heading = found.Heading("Record a needs assessment");
        return null;
    }
}

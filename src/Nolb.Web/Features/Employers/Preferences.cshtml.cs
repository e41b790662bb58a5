using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.Matching;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Employers;

/// <summary>A person's job goals for matching, and the open vacancies that suit them best with the reasons.</summary>
[Authorize(Policy = Permissions.Participants.ReadOwnCaseload)]
public sealed class PreferencesModel(EmployerCommands commands, JobMatching matching, CurrentUser currentUser) : PageModel
{
    [BindProperty]
    public PreferencesInput Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public bool CanEdit { get; private set; }
    public IReadOnlyList<JobMatching.VacancyMatch> Matches { get; private set; } = [];

    public sealed class PreferencesInput
    {
        public string? SocGoals { get; set; }
        public decimal? MinHoursPerWeek { get; set; }
        public decimal? MaxHoursPerWeek { get; set; }
        public List<DayOfWeek> AvailableDays { get; set; } = [];
        public TravelBand? Travel { get; set; }
        public bool HasDrivingLicence { get; set; }
        public Guid? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var failure = await LoadAsync(id, fill: true, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (currentUser.Has(Permissions.Employers.Match))
        {
            Matches = (await matching.ForParticipantAsync(id, 20, ct)).Matches;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var goals = (Input.SocGoals ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
        var result = await commands.SavePreferencesAsync(id, new(goals, Input.MinHoursPerWeek, Input.MaxHoursPerWeek, Input.AvailableDays, Input.Travel, Input.HasDrivingLicence), Input.Version, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The job goals are saved.";
            return RedirectToPage("Preferences", new { id });
        }

        return result.Handle(ModelState) ?? await LoadAsync(id, fill: false, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool fill, CancellationToken ct)
    {
        var (preferences, participant, canEdit) = await commands.PreferencesAsync(id, ct);
        if (preferences is null || participant is null)
        {
            return NotFound();
        }

        Heading = (participant.Id, participant.DisplayName, participant.Reference, "Job goals and matching vacancies");
        CanEdit = canEdit;
        if (fill)
        {
            Input = new PreferencesInput
            {
                SocGoals = string.Join(", ", preferences.SocGoals),
                MinHoursPerWeek = preferences.MinHoursPerWeek,
                MaxHoursPerWeek = preferences.MaxHoursPerWeek,
                AvailableDays = preferences.AvailableDays,
                Travel = preferences.Travel,
                HasDrivingLicence = preferences.HasDrivingLicence,
                Version = preferences.Version,
            };
        }

        return null;
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Commissioning;

/// <summary>
/// Set a contract's quarterly profile: starts, job outcomes and spend for every quarter of its period. The starts and job
/// outcomes must add up to those expected and the spend to no more than the budget.
/// </summary>
[Authorize(Policy = Permissions.Commissioning.Manage)]
public sealed class ProfileModel(CommissioningCommands commands) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public DeliveryContract Contract { get; private set; } = null!;

    public sealed class ProfileInput
    {
        public List<QuarterInput> Quarters { get; set; } = [];
        public Guid? Version { get; set; }
    }

    public sealed class QuarterInput
    {
        public int Year { get; set; }
        public int Number { get; set; }
        public int? Starts { get; set; }
        public int? JobOutcomes { get; set; }
        public decimal? Spend { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await LoadAsync(id, ct);
        if (found is not null)
        {
            return found;
        }

        Input = new ProfileInput
        {
            Version = Contract.Version,
            Quarters = Contract.Quarters.Select(q =>
            {
                var row = Contract.Profile.SingleOrDefault(p => p.Quarter == q);
                return new QuarterInput { Year = q.Year, Number = q.Number, Starts = row?.Starts ?? 0, JobOutcomes = row?.JobOutcomes ?? 0, Spend = row?.Spend ?? 0 };
            }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var lines = Input.Quarters.Select(q => new ProfileLine(new FinancialQuarter(q.Year, q.Number), q.Starts, q.JobOutcomes, q.Spend)).ToList();
        var result = await commands.SetProfileAsync(id, lines, Input.Version, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The quarterly profile is saved.";
            return RedirectToPage("Contract", new { id });
        }

        return result.Handle(ModelState, FieldName) ?? await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>"profile[2].starts" is the third quarter's starts box; errors about the whole profile go to the summary.</summary>
    public static string FieldName(string field)
    {
        if (!field.StartsWith("profile[", StringComparison.Ordinal))
        {
            return "";
        }

        var close = field.IndexOf(']', StringComparison.Ordinal);
        var index = field[8..close];
        var rest = field[(close + 1)..].TrimStart('.');
        return rest.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"Input.Quarters[{index}].Starts")
            : $"Input.Quarters[{index}].{char.ToUpperInvariant(rest[0])}{rest[1..]}";
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var contract = await commands.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return NotFound();
        }

        Contract = contract;
        return null;
    }
}

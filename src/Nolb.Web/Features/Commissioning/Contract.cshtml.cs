using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Commissioning;

/// <summary>
/// One contract or grant: its terms, its performance against profile quarter by quarter and to date with RAG, spend against
/// budget and cost per start and job outcome, how actuals are counted, the decisions about it, and (for the LEP manager) a
/// form to record a quarter's spend. Another LEP's contract, or another organisation's for a partner, is not found.
/// </summary>
[Authorize]
public sealed class ContractModel(CommissioningCommands commands, ContractPerformanceQuery performance, CurrentUser currentUser) : PageModel
{
    [BindProperty]
    public SpendInput Input { get; set; } = new();

    public DeliveryContract Contract { get; private set; } = null!;
    public ContractPerformance Performance { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public DateOnly Today => commands.Today;

    /// <summary>The Annex 2 row the contract delivers, with its plan; null when none is linked.</summary>
    public RequirementChoice? Requirement { get; private set; }
    public IReadOnlyList<string> ServiceNames { get; private set; } = [];
    public IReadOnlyList<CommissioningDecision> Decisions { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Titles { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<SelectListItem> SpendQuarters { get; private set; } = [];

    public sealed class SpendInput
    {
        /// <summary>The quarter as "2026-1" (financial year and quarter number).</summary>
        public string? Quarter { get; set; }
        public decimal? Amount { get; set; }
        public string? Note { get; set; }
        public Guid? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostSpendAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var quarter = ParseQuarter(Input.Quarter);
        var result = quarter is { } q
            ? await commands.RecordSpendAsync(id, q, Input.Amount, Input.Note, Input.Version, ct)
            : PlanningResult.Invalid<DeliveryContract>("quarter", "Choose the quarter the spend is for");
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = $"Spend for {quarter!.Value.Label} is recorded.";
            return RedirectToPage("Contract", new { id });
        }

        return result.Handle(ModelState) ?? await LoadAsync(id, ct) ?? Page();
    }

    public static FinancialQuarter? ParseQuarter(string? value)
    {
        var parts = value?.Split('-');
        return parts is [var y, var n] && int.TryParse(y, System.Globalization.CultureInfo.InvariantCulture, out var year)
            && int.TryParse(n, System.Globalization.CultureInfo.InvariantCulture, out var number) && new FinancialQuarter(year, number) is { IsValid: true } q
            ? q
            : null;
    }

    public static string QuarterValue(FinancialQuarter q) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{q.Year}-{q.Number}");

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!currentUser.Has(Permissions.Commissioning.Manage) && !currentUser.Has(Permissions.Commissioning.ReadOwnOrganisation))
        {
            return Forbid();
        }

        var contract = await commands.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return NotFound();
        }

        Contract = contract;
        CanManage = commands.CanManage;
        Requirement = contract.ServiceDeliveryRequirementId is { } rowId ? await commands.RequirementAsync(rowId, ct) : null;
        Performance = (await performance.ForAsync([contract], commands.Today, ct))[contract.Id];
        var serviceIds = contract.ServiceIds;
        ServiceNames = serviceIds.Count == 0 ? [] : (await commands.ServicesAsync(ct)).Where(s => serviceIds.Contains(s.Id)).Select(s => s.Name).ToList();
        if (CanManage)
        {
            var decisions = await commands.Decisions.AsNoTracking()
                .Where(d => d.ContractId == id || d.FromContractId == id || d.ToContractId == id).ToListAsync(ct);
            Decisions = decisions.OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.RecordedAt).ToList();
            var mentioned = decisions.SelectMany(d => new[] { d.ContractId, d.FromContractId, d.ToContractId, d.FromAllocationId, d.ToAllocationId })
                .OfType<Guid>().Distinct().ToList();
            var titles = await commands.Contracts.Where(c => mentioned.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
            foreach (var a in await commands.Allocations.AsNoTracking().Where(a => mentioned.Contains(a.Id)).ToListAsync(ct))
            {
                titles[a.Id] = CommissioningLabels.Title(a);
            }

            Titles = titles;
            var today = commands.Today;
            SpendQuarters = contract.Quarters.Where(q => q.Start <= today)
                .Select(q => new SelectListItem($"{q.Label} ({q.Months})", QuarterValue(q))).ToList();
            Input.Version = contract.Version;
            Input.Quarter ??= SpendQuarters.Count > 0 ? SpendQuarters[^1].Value : null;
        }

        return null;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Commissioning;

/// <summary>
/// An LEP's commissioning at a glance (Section 5): allocations by funding stream and year against what contracts profile and
/// spend, every contract's performance against profile with its RAG rating, and the decision log. A partner worker sees only
/// their own organisation's contracts.
/// </summary>
[Authorize]
public sealed class IndexModel(CommissioningCommands commands, ContractPerformanceQuery performance, CurrentUser currentUser) : PageModel
{
    public bool CanManage { get; private set; }
    public DateOnly Today => commands.Today;
    public IReadOnlyList<AllocationRow> AllocationRows { get; private set; } = [];
    public IReadOnlyList<DeliveryContract> Contracts { get; private set; } = [];
    public IReadOnlyDictionary<Guid, ContractPerformance> Performance { get; private set; } = new Dictionary<Guid, ContractPerformance>();
    public IReadOnlyList<CommissioningDecision> Decisions { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Titles { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>An allocation with what the LEP's contracts on that stream profile to spend, and have spent, in its year.</summary>
    public sealed record AllocationRow(FundingAllocation Allocation, decimal Profiled, decimal Spent)
    {
        public decimal Unprofiled => Allocation.Amount - Profiled;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!currentUser.Has(Permissions.Commissioning.Manage) && !currentUser.Has(Permissions.Commissioning.ReadOwnOrganisation))
        {
            return Forbid();
        }

        CanManage = commands.CanManage;
        Contracts = await commands.Contracts.AsNoTracking().OrderBy(c => c.Title).ToListAsync(ct);
        Performance = await performance.ForAsync(Contracts, commands.Today, ct);
        Titles = Contracts.ToDictionary(c => c.Id, c => c.Title);
        if (CanManage)
        {
            var allocations = await commands.Allocations.AsNoTracking().ToListAsync(ct);
            AllocationRows = allocations.OrderByDescending(a => a.FinancialYear).ThenBy(a => a.Stream)
                .Select(a => Row(a, Contracts)).ToList();
            Titles = Titles.Concat(allocations.Select(a => KeyValuePair.Create(a.Id, CommissioningLabels.Title(a)))).ToDictionary();
            Decisions = (await commands.Decisions.AsNoTracking().ToListAsync(ct)).OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.RecordedAt).ToList();
        }

        return Page();
    }

    /// <summary>Sums in memory: SQLite cannot add up decimals in SQL.</summary>
    public static AllocationRow Row(FundingAllocation a, IReadOnlyList<DeliveryContract> contracts)
    {
        var onStream = contracts.Where(c => c.FundingStream == a.Stream).ToList();
        return new(a,
            onStream.SelectMany(c => c.Profile).Where(p => p.FinancialYear == a.FinancialYear).Sum(p => p.Spend),
            onStream.SelectMany(c => c.Spend).Where(s => s.FinancialYear == a.FinancialYear).Sum(s => s.Amount));
    }
}

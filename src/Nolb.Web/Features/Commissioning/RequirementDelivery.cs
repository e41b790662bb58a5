using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Commissioning;

/// <summary>
/// The link from a delivery plan's Annex 2 rows to the contracts that deliver them: for each row, its contracts with the
/// starts and job outcomes expected against the actuals from case data so far. Only for a user who manages commissioning
/// (the same tenancy filter as every contract list); anyone else gets an empty answer.
/// </summary>
public sealed class RequirementDelivery(CommissioningCommands commands, ContractPerformanceQuery performance, CurrentUser currentUser)
{
    public bool Visible => commands.CanManage && currentUser.Has(Permissions.Commissioning.Manage);

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<DeliveringContract>>> ForAsync(IReadOnlyCollection<Guid> rowIds, CancellationToken ct)
    {
        if (!Visible || rowIds.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<DeliveringContract>>();
        }

        var contracts = await commands.Contracts.AsNoTracking()
            .Where(c => c.ServiceDeliveryRequirementId != null && rowIds.Contains(c.ServiceDeliveryRequirementId.Value))
            .OrderBy(c => c.Title).ToListAsync(ct);
        var results = await performance.ForAsync(contracts, commands.Today, ct);
        return contracts
            .GroupBy(c => c.ServiceDeliveryRequirementId!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DeliveringContract>)g.Select(c => new DeliveringContract(
                c.Id, c.Title, c.PartnerOrganisation?.Name ?? "", c.StatusOn(commands.Today), c.CeasedOn,
                c.ExpectedStarts, results[c.Id].StartsSoFar, c.ExpectedJobOutcomes, results[c.Id].JobOutcomesSoFar)).ToList());
    }
}

/// <summary>A contract delivering an Annex 2 row: what it expects over its period and what case data shows so far.</summary>
public sealed record DeliveringContract(
    Guid Id, string Title, string Partner, ContractStatus Status, DateOnly? CeasedOn, int ExpectedStarts, int ActualStarts, int ExpectedJobOutcomes, int ActualJobOutcomes);

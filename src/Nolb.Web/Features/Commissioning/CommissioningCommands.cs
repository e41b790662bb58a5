using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Commissioning;

/// <summary>
/// Commissioning (Section 5 of the delivery plan) for pages and API alike: funding allocations per stream and financial year,
/// grants and contracts with their quarterly profile and spend, and the decision log. An LEP manager manages their own LEP's;
/// a partner worker sees their own organisation's contracts, read only. Anything else answers not found.
/// </summary>
public sealed class CommissioningCommands(NolbDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string ContractConflict = "Someone else changed this contract while you were looking at it. Reload to see their change, then make yours again";
    public const string AllocationConflict = "Someone else changed this allocation while you were looking at it. Reload to see their change, then make yours again";

    public DateOnly Today => UkTime.Today(clock);

    public bool CanManage => currentUser.Has(Permissions.Commissioning.Manage) && currentUser.LepId is not null;

    private Guid UserId => currentUser.Id ?? throw new InvalidOperationException("A signed-in user is needed.");

    /// <summary>The one tenancy filter for contracts: the manager's LEP, or the partner worker's organisation.</summary>
    public IQueryable<DeliveryContract> Contracts
    {
        get
        {
            var all = db.DeliveryContracts.Include(c => c.PartnerOrganisation).Include(c => c.Profile).Include(c => c.Spend).AsSplitQuery();
            if (CanManage)
            {
                return all.Where(c => c.LepId == currentUser.LepId);
            }

            return currentUser.Has(Permissions.Commissioning.ReadOwnOrganisation) && currentUser.OrganisationId is { } organisationId
                ? all.Where(c => c.PartnerOrganisationId == organisationId)
                : all.Where(c => false);
        }
    }

    public IQueryable<FundingAllocation> Allocations =>
        CanManage ? db.FundingAllocations.Where(a => a.LepId == currentUser.LepId) : db.FundingAllocations.Where(a => false);

    public IQueryable<CommissioningDecision> Decisions =>
        CanManage ? db.CommissioningDecisions.Where(d => d.LepId == currentUser.LepId) : db.CommissioningDecisions.Where(d => false);

    /// <summary>Organisations the LEP can contract: its own and national ones, but not employers.</summary>
    public Task<List<Organisation>> PartnersAsync(CancellationToken ct) =>
        db.Organisations.AsNoTracking().Where(o => (o.LepId == null || o.LepId == currentUser.LepId) && o.Kind != OrganisationKind.Employer)
            .OrderBy(o => o.Name).ToListAsync(ct);

    public Task<List<ServiceChoice>> ServicesAsync(CancellationToken ct) =>
        db.DirectoryServices.AsNoTracking().Where(s => s.LepId == null || s.LepId == currentUser.LepId).OrderBy(s => s.Name)
            .Select(s => new ServiceChoice(s.Id, s.Name, s.OrganisationId)).ToListAsync(ct);

    public async Task<PlanningResult<FundingAllocation>> CreateAllocationAsync(FundingStream? stream, int? year, decimal? amount, string? notes, CancellationToken ct)
    {
        if (!CanManage)
        {
            return PlanningResult.Forbidden<FundingAllocation>();
        }

        var errors = FundingAllocation.CheckKey(stream, year).ToList();
        if (errors.Count == 0 && await Allocations.AnyAsync(a => a.Stream == stream && a.FinancialYear == year, ct))
        {
            errors.Add(("financialYear", $"Your LEP already has an allocation from this stream for {new FinancialYear(year!.Value).Label}. Change that one instead"));
        }

        var allocation = new FundingAllocation { LepId = currentUser.LepId!.Value, Stream = stream ?? default, FinancialYear = year ?? 0 };
        errors.AddRange(allocation.Set(amount, notes));
        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<FundingAllocation>(errors);
        }

        db.FundingAllocations.Add(allocation);
        await db.SaveChangesAsync(ct);
        return PlanningResult.Done(allocation);
    }

    public async Task<PlanningResult<FundingAllocation>> UpdateAllocationAsync(Guid id, decimal? amount, string? notes, Guid? version, CancellationToken ct)
    {
        var allocation = await Allocations.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (allocation is null)
        {
            return PlanningResult.NotFound<FundingAllocation>();
        }

        if (version != allocation.Version)
        {
            return PlanningResult.Conflict<FundingAllocation>(AllocationConflict);
        }

        var errors = allocation.Set(amount, notes);
        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<FundingAllocation>(errors);
        }

        return await SaveAsync(allocation, AllocationConflict, ct);
    }

    public async Task<PlanningResult<DeliveryContract>> CreateContractAsync(ContractTerms terms, IReadOnlyList<ProfileLine>? profile, CancellationToken ct)
    {
        if (!CanManage)
        {
            return PlanningResult.Forbidden<DeliveryContract>();
        }

        var contract = new DeliveryContract { LepId = currentUser.LepId!.Value, CreatedByUserId = UserId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var errors = contract.Apply(terms, await PartnerKnownAsync(terms.PartnerOrganisationId, ct), await ServicesOfPartnerAsync(terms, ct));
        if (errors.Count == 0 && profile is not null)
        {
            errors = contract.SetProfile(profile).Errors;
        }

        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<DeliveryContract>(errors);
        }

        db.DeliveryContracts.Add(contract);
        await db.SaveChangesAsync(ct);
        await db.Entry(contract).Reference(c => c.PartnerOrganisation).LoadAsync(ct);
        return PlanningResult.Done(contract);
    }

    /// <summary>Changes the terms and, when given, the profile, if nobody has changed the contract since <paramref name="version"/>.</summary>
    public async Task<PlanningResult<DeliveryContract>> UpdateContractAsync(Guid id, ContractTerms terms, IReadOnlyList<ProfileLine>? profile, Guid? version, CancellationToken ct)
    {
        var partnerKnown = await PartnerKnownAsync(terms.PartnerOrganisationId, ct);
        var servicesOfPartner = await ServicesOfPartnerAsync(terms, ct);
        return await ChangeAsync(id, version, contract =>
        {
            var errors = contract.Apply(terms, partnerKnown, servicesOfPartner);
            return errors.Count > 0 || profile is null ? errors : Add(contract.SetProfile(profile));
        }, ct);
    }

    public Task<PlanningResult<DeliveryContract>> SetProfileAsync(Guid id, IReadOnlyList<ProfileLine> profile, Guid? version, CancellationToken ct) =>
        ChangeAsync(id, version, contract => Add(contract.SetProfile(profile)), ct);

    public Task<PlanningResult<DeliveryContract>> RecordSpendAsync(Guid id, FinancialQuarter quarter, decimal? amount, string? note, Guid? version, CancellationToken ct) =>
        ChangeAsync(id, version, contract =>
        {
            var (added, errors) = contract.RecordSpend(quarter, amount, note, UserId, Today, clock.GetUtcNow().UtcDateTime);
            if (added is not null)
            {
                db.Entry(added).State = EntityState.Added;
            }

            return errors;
        }, ct);

    public async Task<PlanningResult<CommissioningDecision>> RecordDecisionAsync(DecisionDetails details, CancellationToken ct)
    {
        if (!CanManage)
        {
            return PlanningResult.Forbidden<CommissioningDecision>();
        }

        var mentioned = new[] { details.ContractId, details.FromContractId, details.ToContractId }.OfType<Guid>().Distinct().ToList();
        var ours = await db.DeliveryContracts.Where(c => c.LepId == currentUser.LepId && mentioned.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        var (decision, errors) = CommissioningDecision.Record(details, currentUser.LepId!.Value, ours.Contains, UserId, Today, clock.GetUtcNow().UtcDateTime);
        if (decision is null)
        {
            return PlanningResult.Invalid<CommissioningDecision>(errors);
        }

        db.CommissioningDecisions.Add(decision);
        await db.SaveChangesAsync(ct);
        return PlanningResult.Done(decision);
    }

    private IReadOnlyList<(string Field, string Message)> Add((IReadOnlyList<ContractQuarter> Added, IReadOnlyList<(string Field, string Message)> Errors) result)
    {
        foreach (var row in result.Added)
        {
            db.Entry(row).State = EntityState.Added;
        }

        return result.Errors;
    }

    private async Task<PlanningResult<DeliveryContract>> ChangeAsync(
        Guid id, Guid? version, Func<DeliveryContract, IReadOnlyList<(string Field, string Message)>> change, CancellationToken ct)
    {
        var contract = await Contracts.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return PlanningResult.NotFound<DeliveryContract>();
        }

        if (!CanManage)
        {
            return PlanningResult.Forbidden<DeliveryContract>();
        }

        if (version != contract.Version)
        {
            return PlanningResult.Conflict<DeliveryContract>(ContractConflict);
        }

        var errors = change(contract);
        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<DeliveryContract>(errors);
        }

        // The profile and spend are child rows: the contract's version must move on too, so a stale form or If-Match is refused.
        contract.Version = Guid.NewGuid();
        return await SaveAsync(contract, ContractConflict, ct);
    }

    private async Task<PlanningResult<T>> SaveAsync<T>(T entity, string conflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PlanningResult.Conflict<T>(conflict);
        }

        return PlanningResult.Done(entity);
    }

    private async Task<bool> PartnerKnownAsync(Guid? partnerId, CancellationToken ct) =>
        partnerId is { } id && await db.Organisations.AnyAsync(
            o => o.Id == id && (o.LepId == null || o.LepId == currentUser.LepId) && o.Kind != OrganisationKind.Employer, ct);

    private async Task<bool> ServicesOfPartnerAsync(ContractTerms terms, CancellationToken ct)
    {
        var ids = (terms.ServiceIds ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            return true;
        }

        var found = await db.DirectoryServices.CountAsync(
            s => ids.Contains(s.Id) && s.OrganisationId == terms.PartnerOrganisationId && (s.LepId == null || s.LepId == currentUser.LepId), ct);
        return found == ids.Count;
    }
}

public sealed record ServiceChoice(Guid Id, string Name, Guid OrganisationId);

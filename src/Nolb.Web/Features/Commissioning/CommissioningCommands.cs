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
    public const string DecisionConflict = "Someone else changed a contract or allocation this decision is about while you were recording it. Check them, then record the decision again";
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
        var errors = contract.Apply(terms, await PartnerKnownAsync(terms.PartnerOrganisationId, ct), await ServicesOfPartnerAsync(terms, ct),
            await RequirementKnownAsync(terms.ServiceDeliveryRequirementId, ct));
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
        var requirementKnown = await RequirementKnownAsync(terms.ServiceDeliveryRequirementId, ct);
        return await ChangeAsync(id, version, contract =>
        {
            var errors = contract.Apply(terms, partnerKnown, servicesOfPartner, requirementKnown);
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

    /// <summary>
    /// Records a decision and makes it take effect, all in one transaction: a decision to cease ends its contract on the decision
    /// date, and money moved comes out of one contract's budget (or allocation) and goes into the other's. When any of that cannot
    /// apply (more than is left to move, spend recorded after the cease date), nothing is recorded or changed.
    /// </summary>
    public async Task<PlanningResult<CommissioningDecision>> RecordDecisionAsync(DecisionDetails details, CancellationToken ct)
    {
        if (!CanManage)
        {
            return PlanningResult.Forbidden<CommissioningDecision>();
        }

        var lepId = currentUser.LepId!.Value;
        var contracts = await db.DeliveryContracts.Include(c => c.Profile).Include(c => c.Spend).AsSplitQuery().Where(c => c.LepId == lepId).ToListAsync(ct);
        var allocations = await db.FundingAllocations.Where(a => a.LepId == lepId).ToListAsync(ct);
        var (decision, errors) = CommissioningDecision.Record(
            details, lepId, id => contracts.Any(c => c.Id == id), id => allocations.SingleOrDefault(a => a.Id == id), UserId, Today, clock.GetUtcNow().UtcDateTime);
        if (decision is null)
        {
            return PlanningResult.Invalid<CommissioningDecision>(errors);
        }

        DeliveryContract Contract(Guid id) => contracts.Single(c => c.Id == id);
        var changed = new List<IVersioned>();
        var effects = new List<(string Field, string Message)>();
        if (decision.Kind == DecisionKind.Cease)
        {
            var ceased = Contract(decision.ContractId!.Value);
            var before = ceased.Profile.ToList();
            effects.AddRange(ceased.Cease(decision.DecidedOn));
            foreach (var dropped in before.Except(ceased.Profile))
            {
                db.Entry(dropped).State = EntityState.Deleted;
            }

            changed.Add(ceased);
        }

        if (effects.Count == 0 && decision.AmountMoved is { } amount)
        {
            if (decision.FromContractId is { } from && decision.ToContractId is { } to)
            {
                effects.AddRange(Contract(from).MoveBudget(-amount));
                effects.AddRange(Contract(to).MoveBudget(amount));
                changed.AddRange([Contract(from), Contract(to)]);
            }
            else if (decision.FromAllocationId is { } fromAllocation && decision.ToAllocationId is { } toAllocation)
            {
                var source = allocations.Single(a => a.Id == fromAllocation);
                var target = allocations.Single(a => a.Id == toAllocation);
                effects.AddRange(source.Move(-amount, IndexModel.Row(source, contracts).Profiled, "amountMoved"));
                effects.AddRange(target.Move(amount, IndexModel.Row(target, contracts).Profiled, "amountMoved"));
                changed.AddRange([source, target]);
            }
        }

        if (effects.Count > 0)
        {
            return PlanningResult.Invalid<CommissioningDecision>(effects);
        }

        foreach (var record in changed.Distinct())
        {
            record.Version = Guid.NewGuid();
        }

        db.CommissioningDecisions.Add(decision);
        return await SaveAsync(decision, DecisionConflict, ct);
    }

    /// <summary>The LEP's Annex 2 rows a contract can deliver, newest plan first, each with its plan's title.</summary>
    public async Task<List<RequirementChoice>> RequirementsAsync(CancellationToken ct) =>
        // Ordered in memory: EF cannot order by a member of a record it constructs, and an LEP has few Annex 2 rows.
        (await RequirementChoices.ToListAsync(ct)).OrderByDescending(r => r.PlanStart).ThenBy(r => r.PlanTitle).ThenBy(r => r.Position).ToList();

    /// <summary>One Annex 2 row of the contract's LEP, with its plan. A partner worker sees the row its organisation's contract delivers.</summary>
    public Task<RequirementChoice?> RequirementAsync(Guid id, CancellationToken ct) =>
        (from r in db.ServiceDeliveryRequirements.AsNoTracking()
         join p in db.DeliveryPlans.AsNoTracking() on r.PlanId equals p.Id
         where r.Id == id
         select new RequirementChoice(r.Id, r.Position, r.TargetGroup, p.Id, p.Title, p.PeriodStart)).SingleOrDefaultAsync(ct);

    private IQueryable<RequirementChoice> RequirementChoices =>
        from r in db.ServiceDeliveryRequirements.AsNoTracking()
        join p in db.DeliveryPlans.AsNoTracking() on r.PlanId equals p.Id
        where p.LepId == currentUser.LepId
        select new RequirementChoice(r.Id, r.Position, r.TargetGroup, p.Id, p.Title, p.PeriodStart);

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

    private async Task<bool> RequirementKnownAsync(Guid? requirementId, CancellationToken ct) =>
        requirementId is { } id && await db.ServiceDeliveryRequirements.AnyAsync(
            r => r.Id == id && db.DeliveryPlans.Any(p => p.Id == r.PlanId && p.LepId == currentUser.LepId), ct);

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

/// <summary>An Annex 2 row a contract can deliver, with the plan it is in.</summary>
public sealed record RequirementChoice(Guid Id, int Position, string TargetGroup, Guid PlanId, string PlanTitle, DateOnly PlanStart)
{
    public string Label => $"Row {Position}: {TargetGroup}";
}

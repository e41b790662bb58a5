using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.Commissioning;

/// <summary>
/// Contracts' actuals from case data (by <see cref="ContractActuals"/>, the one attribution rule) and their performance
/// against profile. Only counts leave here, never a person. The caller decides which contracts the user may see.
/// Measurement can reuse <see cref="CostsAsync"/> for the cost per start and per job outcome of an LEP's provision.
/// </summary>
public sealed class ContractPerformanceQuery(NolbDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, ContractPerformance>> ForAsync(IReadOnlyList<DeliveryContract> contracts, DateOnly today, CancellationToken ct)
    {
        var result = new Dictionary<Guid, ContractPerformance>();
        foreach (var lep in contracts.GroupBy(c => c.LepId))
        {
            var facts = await FactsAsync(lep.Key, lep.ToList(), ct);
            foreach (var contract in lep)
            {
                result[contract.Id] = ContractPerformance.Of(contract, ContractActuals.For(contract, facts), today);
            }
        }

        return result;
    }

    /// <summary>Spend recorded, starts, job outcomes and the cost of each for every contract of an LEP, for measurement and reports.</summary>
    public async Task<IReadOnlyList<ContractCost>> CostsAsync(Guid lepId, DateOnly today, CancellationToken ct)
    {
        var contracts = await db.DeliveryContracts.AsNoTracking().Include(c => c.Profile).Include(c => c.Spend).AsSplitQuery()
            .Where(c => c.LepId == lepId).ToListAsync(ct);
        var performance = await ForAsync(contracts, today, ct);
        return contracts.OrderBy(c => c.Title).Select(c =>
        {
            var p = performance[c.Id];
            return new ContractCost(c.Id, c.Title, c.FundingStream, c.PartnerOrganisationId, p.SpendToDate, p.StartsSoFar, p.JobOutcomesSoFar, p.CostPerStart, p.CostPerJobOutcome);
        }).ToList();
    }

    /// <summary>
    /// The quarters from <paramref name="from"/> to <paramref name="to"/> of every contract of an LEP (or, with no LEP, of
    /// Scotland), optionally of one funding stream: spend recorded and the starts and job outcomes attributed by the same
    /// rule as <see cref="CostsAsync"/>, quarter by quarter, for measurement's cost per start and per job outcome.
    /// </summary>
    public async Task<IReadOnlyList<Domain.Measurement.ContractQuarterFact>> QuarterCostsAsync(
        Guid? lepId, DateOnly from, DateOnly to, FundingStream? stream, DateOnly today, CancellationToken ct)
    {
        var contracts = await db.DeliveryContracts.AsNoTracking().Include(c => c.Profile).Include(c => c.Spend).AsSplitQuery()
            .Where(c => (lepId == null || c.LepId == lepId) && (stream == null || c.FundingStream == stream) && c.StartDate <= to && c.EndDate >= from)
            .ToListAsync(ct);
        if (contracts.Count == 0)
        {
            return [];
        }

        var performance = await ForAsync(contracts, today, ct);
        return contracts.SelectMany(c => performance[c.Id].Quarters
                .Where(q => q.Quarter.Start >= from && q.Quarter.End <= to)
                .Select(q => new Domain.Measurement.ContractQuarterFact(
                    c.Id, c.LepId, c.FundingStream, q.Quarter.Start, q.Quarter.End, q.Spend, q.ActualStarts, q.ActualJobOutcomes)))
            .ToList();
    }

    /// <summary>
    /// The case data the rule needs, narrowed in the database to the LEP, the partners and the contracts' dates; the funding
    /// stream (a list on the engagement) is matched in memory by the rule itself.
    /// </summary>
    private async Task<CaseFacts> FactsAsync(Guid lepId, IReadOnlyList<DeliveryContract> contracts, CancellationToken ct)
    {
        var partners = contracts.Select(c => c.PartnerOrganisationId).Distinct().ToList();
        var from = contracts.Min(c => c.StartDate);
        var to = contracts.Max(c => c.EndDate);
        var interventions = await db.Interventions.AsNoTracking()
            .Where(i => i.LepId == lepId && i.PartnerOrganisationId != null && partners.Contains(i.PartnerOrganisationId.Value) && i.StartDate >= from && i.StartDate <= to)
            .Select(i => new { i.EngagementId, OrganisationId = i.PartnerOrganisationId!.Value, i.StartDate })
            .ToListAsync(ct);
        var referrals = (await db.Referrals.AsNoTracking()
            .Where(r => r.LepId == lepId && r.Direction == ReferralDirection.Outbound && r.ParticipantId != null && r.ToOrganisationId != null
                && partners.Contains(r.ToOrganisationId.Value) && (r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.Completed) && r.RespondedAt != null)
            .Select(r => new { ParticipantId = r.ParticipantId!.Value, OrganisationId = r.ToOrganisationId!.Value, r.ServiceId, RespondedAt = r.RespondedAt!.Value })
            .ToListAsync(ct))
            .Select(r => new SupportFact(SupportKind.Referral, null, r.ParticipantId, r.OrganisationId, r.ServiceId, DateOnly.FromDateTime(UkTime.FromUtc(r.RespondedAt))))
            .Where(r => r.Date >= from && r.Date <= to)
            .ToList();

        var engagementIds = interventions.Select(i => i.EngagementId).Distinct().ToList();
        var participantIds = referrals.Select(r => r.ParticipantId).Distinct().ToList();
        var engagements = await db.Engagements.AsNoTracking()
            .Where(e => e.LepId == lepId && (engagementIds.Contains(e.Id) || participantIds.Contains(e.ParticipantId)))
            .Select(e => new EngagementFact(e.Id, e.ParticipantId, e.LepId, e.StartDate, e.LeftOn, e.FundingStreams))
            .ToListAsync(ct);
        var ids = engagements.Select(e => e.Id).ToList();
        var moves = await db.StageMoves.AsNoTracking().Where(m => ids.Contains(m.EngagementId))
            .Select(m => new StageFact(m.EngagementId, m.Stage, m.Date, m.RecordedAt)).ToListAsync(ct);
        var outcomes = await db.Outcomes.AsNoTracking()
            .Where(o => ids.Contains(o.EngagementId) && (o.Kind == OutcomeKind.JobEntry || o.Kind == OutcomeKind.SelfEmployment))
            .Select(o => new OutcomeFact(o.EngagementId, true, o.StartDate)).ToListAsync(ct);
        var support = interventions.Select(i => new SupportFact(SupportKind.Intervention, i.EngagementId, Guid.Empty, i.OrganisationId, null, i.StartDate))
            .Concat(referrals).ToList();
        return new CaseFacts(engagements, support, moves, outcomes);
    }
}

public sealed record ContractCost(
    Guid ContractId, string Title, FundingStream FundingStream, Guid PartnerOrganisationId, decimal SpendToDate, int Starts, int JobOutcomes,
    decimal? CostPerStart, decimal? CostPerJobOutcome);

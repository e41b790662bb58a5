using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.ServiceDirectory;
using Nolb.Web.Security;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// Demo commissioning for one LEP: this year's and last year's allocations per funding stream, three contracts for this
/// financial year with the demo partners (profiled, with spend recorded for the quarters that have ended) and one decision.
/// Runs once per LEP.
/// </summary>
public static class DemoCommissioning
{
    public static async Task<int> SeedAsync(NolbDbContext db, Lep lep, DateTime now)
    {
        if (await db.DeliveryContracts.AnyAsync(c => c.LepId == lep.Id))
        {
            return 0;
        }

        var manager = await db.Users.Where(u => u.LepId == lep.Id && u.Role == Role.LepManager).Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
        if (manager is not { } managerId)
        {
            return 0;
        }

        var today = DateOnly.FromDateTime(UkTime.FromUtc(now));
        var year = FinancialYear.Of(today);
        var allocations = new List<FundingAllocation>();
        foreach (var (stream, amount) in new[] { (FundingStream.NoOneLeftBehind, 1_200_000m), (FundingStream.YoungPersonsGuarantee, 850_000m), (FundingStream.ParentalEmployabilitySupport, 400_000m) })
        {
            foreach (var y in new[] { year.StartYear - 1, year.StartYear })
            {
                var allocation = new FundingAllocation { LepId = lep.Id, Stream = stream, FinancialYear = y };
                allocation.Set(y == year.StartYear ? amount : amount * 0.9m, "Scottish Government grant offer letter");
                db.FundingAllocations.Add(allocation);
                allocations.Add(allocation);
            }
        }

        async Task<Guid?> OrganisationAsync(string name) =>
            await db.Organisations.Where(o => o.Name == name && o.LepId == lep.Id).Select(o => (Guid?)o.Id).SingleOrDefaultAsync();

        var contracts = new List<DeliveryContract>();
        var specs = new[]
        {
            ($"{lep.Name} Works Together (third sector)", "All-age key worker support", ContractKind.Contract, FundingStream.NoOneLeftBehind, TargetGroup.LongTermUnemployed, 180_000m, new[] { 30, 30, 30, 30 }, new[] { 6, 10, 12, 12 }),
            ($"{lep.Name} College", "Young Person's Guarantee vocational courses", ContractKind.Grant, FundingStream.YoungPersonsGuarantee, TargetGroup.YoungPeople, 95_000m, new[] { 20, 15, 15, 10 }, new[] { 2, 4, 4, 5 }),
            ($"{lep.Name} Council Employability Service", "Parental employability support", ContractKind.Grant, FundingStream.ParentalEmployabilitySupport, TargetGroup.Parents, 60_000m, new[] { 10, 10, 10, 10 }, new[] { 2, 3, 3, 4 }),
        };
        foreach (var (organisation, title, kind, stream, group, budget, starts, outcomes) in specs)
        {
            if (await OrganisationAsync(organisation) is not { } partnerId)
            {
                continue;
            }

            var contract = new DeliveryContract { LepId = lep.Id, CreatedByUserId = managerId, CreatedAt = now };
            var errors = contract.Apply(new ContractTerms(title, kind, partnerId, stream, group, year.Start, year.End,
                $"{title} across {lep.Name}, delivered by {organisation}.", budget, starts.Sum(), outcomes.Sum(), [], null),
                partnerKnown: true, servicesOfPartner: true, requirementKnown: true);
            if (errors.Count > 0)
            {
                continue;
            }

            contract.SetProfile(year.Quarters.Select((q, i) => new ProfileLine(q, starts[i], outcomes[i], budget / 4)).ToList());
            foreach (var (q, i) in year.Quarters.Select((q, i) => (q, i)).Where(x => x.q.End < today))
            {
                contract.RecordSpend(q, decimal.Round(budget / 4 * (i % 2 == 0 ? 0.92m : 1.03m), 2), $"Claim {i + 1}", managerId, today, now);
            }

            db.DeliveryContracts.Add(contract);
            contracts.Add(contract);
        }

        if (contracts.Count >= 2 && today > year.Start.AddDays(30))
        {
            FundingAllocation This(FundingStream stream) => allocations.Single(a => a.Stream == stream && a.FinancialYear == year.StartYear);
            var (from, to) = (This(FundingStream.YoungPersonsGuarantee), This(FundingStream.ParentalEmployabilitySupport));
            var (decision, _) = CommissioningDecision.Record(
                new DecisionDetails(DecisionKind.Repurpose, contracts[1].Id,
                    "Fewer young people than expected took up the courses in the first quarter, while parents' demand is above profile. Move part of this year's Young Person's Guarantee money to parental support.",
                    today.AddDays(-14), "LEP board meeting", 10_000m, null, from.Id, null, to.Id),
                lep.Id, _ => true, id => allocations.SingleOrDefault(a => a.Id == id), managerId, today, now);
            if (decision is not null && from.Move(-10_000m, 0, "amountMoved").Count == 0 && to.Move(10_000m, 0, "amountMoved").Count == 0)
            {
                db.CommissioningDecisions.Add(decision);
            }
        }

        await db.SaveChangesAsync();
        return contracts.Count;
    }
}

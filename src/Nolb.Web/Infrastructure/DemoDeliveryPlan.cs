using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Domain.DeliveryPlans;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.DeliveryPlans;
using Nolb.Web.Security;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// A draft delivery plan for one demo LEP (2025 to 2028): a few sections written, members and a Community Planning
/// Partnership link, two Annex 2 rows and Annex 3 from the national text; ready to finish, submit and approve. Runs once.
/// </summary>
public static class DemoDeliveryPlan
{
    public static async Task SeedAsync(NolbDbContext db, Lep lep, DateTime now)
    {
        if (await db.DeliveryPlans.AnyAsync(p => p.LepId == lep.Id))
        {
            return;
        }

        var manager = await db.Users.Where(u => u.LepId == lep.Id && u.Role == Role.LepManager).Select(u => u.Id).FirstOrDefaultAsync();
        var organisations = await db.Organisations.Where(o => o.LepId == lep.Id).ToListAsync();
        Organisation? Named(string ending) => organisations.FirstOrDefault(o => o.Name.EndsWith(ending, StringComparison.Ordinal));
        var council = Named("Council Employability Service");
        var partner = Named("Works Together (third sector)");
        var college = Named("College");
        var plan = new DeliveryPlan
        {
            LepId = lep.Id,
            Title = $"{lep.Name} employability delivery plan 2025 to 2028",
            Kind = PlanKind.DeliveryPlan,
            PeriodStart = new DateOnly(2025, 4, 1),
            PeriodEnd = new DateOnly(2028, 3, 31),
            ReviewDate = new DateOnly(2026, 3, 31),
            CreatedByUserId = manager,
            CreatedAt = now,
        };
        plan.Section("1.1").Text = $"The {lep.Name} Local Employability Partnership brings together the council, Skills Development Scotland, " +
            "DWP and the third sector to deliver all-age, person-centred employability support.";
        plan.Section("2.1").Text = "Everyone in our area who wants to work has the support they need to find, keep and progress in fair work.";
        var swot = plan.Section("3.1");
        swot.Text = "Unemployment has fallen, but economic inactivity through ill health has risen, and child poverty remains high.";
        swot.Strengths = "A strong third sector and college partnership";
        swot.Threats = "Short-term funding makes it hard to keep skilled staff";
        foreach (var outcome in Enum.GetValues<NationalOutcome>())
        {
            plan.Alignments.Add(new NpfAlignment { PlanId = plan.Id, Outcome = outcome, Contribution = PlanFramework.Current.NationalText(outcome) });
        }

        if (council is not null)
        {
            plan.Members.Add(new PlanMember { PlanId = plan.Id, OrganisationId = council.Id, Role = "Chair and lead accountable body" });
        }

        if (partner is not null)
        {
            plan.Members.Add(new PlanMember { PlanId = plan.Id, OrganisationId = partner.Id, Role = "Member", Remit = "Represents the third sector employability forum" });
        }

        plan.GovernanceLinks.Add(new GovernanceLink
        {
            PlanId = plan.Id,
            GroupName = $"{lep.Name} Community Planning Partnership",
            Kind = GovernanceLinkKind.ReportsTo,
            Relationship = "The LEP reports twice a year to the CPP board on the Local Outcomes Improvement Plan's fair work priorities.",
        });
        plan.Requirements.Add(new ServiceDeliveryRequirement
        {
            PlanId = plan.Id,
            Position = 1,
            TargetGroup = "Parents in the child poverty priority family groups",
            Rationale = "Most children in poverty live in working households or with a lone parent.",
            DeliveryPartnerIds = partner is null ? [] : [partner.Id],
            Budget = 250000m,
            SourcesOfInvestment = [FundingStream.ParentalEmployabilitySupport, FundingStream.NoOneLeftBehind],
            Volumes = 120,
            DeliveryMethod = "Grant to a third sector partner, with key workers based in nurseries and schools",
            OutcomeExpected = "60 parents into fair work or better-paid work",
            PolicyDrivers = [PolicyDriver.ChildPoverty, PolicyDriver.FairWork],
        });
        plan.Requirements.Add(new ServiceDeliveryRequirement
        {
            PlanId = plan.Id,
            Position = 2,
            TargetGroup = "Young people aged 16 to 24",
            Rationale = "Young people leaving school without a positive destination in the most deprived data zones.",
            DeliveryPartnerIds = college is null ? [] : [college.Id],
            Budget = 180000m,
            SourcesOfInvestment = [FundingStream.YoungPersonsGuarantee],
            Volumes = 90,
            DeliveryMethod = "Contract with the college after open tender",
            OutcomeExpected = "50 young people into a job, apprenticeship or further learning",
            PolicyDrivers = [PolicyDriver.YoungPersonsGuarantee, PolicyDriver.ThePromise],
        });
        db.DeliveryPlans.Add(plan);
        await db.SaveChangesAsync();
    }
}

using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Domain.ServiceDirectory;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// A demo service directory for one LEP: the council's key worker and parental services, the third sector partner,
/// the college, Jobcentre Plus, and health and money advice services outside Nolb (no partner accounts, so their
/// referrals go by printed summary); plus one national SDS service. The supply map shows real gaps. Runs once per LEP.
/// </summary>
public static class DemoDirectory
{
    public static async Task<int> SeedAsync(NolbDbContext db, Lep lep, DateTime now)
    {
        if (await db.DirectoryServices.AnyAsync(s => s.LepId == lep.Id))
        {
            return 0;
        }

        async Task<Organisation> OrganisationAsync(string name, OrganisationKind kind, Guid? lepId)
        {
            var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Name == name && o.LepId == lepId);
            if (organisation is null)
            {
                organisation = new Organisation { Name = name, Kind = kind, LepId = lepId, CreatedAt = now };
                db.Organisations.Add(organisation);
                await db.SaveChangesAsync();
            }

            return organisation;
        }

        var council = await OrganisationAsync($"{lep.Name} Council Employability Service", OrganisationKind.LocalAuthority, lep.Id);
        var partner = await OrganisationAsync($"{lep.Name} Works Together (third sector)", OrganisationKind.ThirdSector, lep.Id);
        var college = await OrganisationAsync($"{lep.Name} College", OrganisationKind.College, lep.Id);
        var jobcentre = await OrganisationAsync($"Jobcentre Plus {lep.Name}", OrganisationKind.JobcentrePlus, lep.Id);
        var nhs = await OrganisationAsync(lep.Code == "S12000047" ? "NHS Fife" : "NHS Greater Glasgow and Clyde", OrganisationKind.NhsBoard, lep.Id);
        var advice = await OrganisationAsync($"Citizens Advice {lep.Name}", OrganisationKind.ThirdSector, lep.Id);
        var sds = await OrganisationAsync("Skills Development Scotland", OrganisationKind.SkillsDevelopmentScotland, null);
        var town = lep.Code == "S12000047" ? "Kirkcaldy" : "Glasgow";
        var postcode = lep.Code == "S12000047" ? "KY1 1XX" : "G40 2QH";

        DirectoryService Service(Organisation by, string name, ServiceKind kind, int[] stages, TargetGroup[] groups, string[] interventions, int? places, string description) => new()
        {
            Name = name,
            OrganisationId = by.Id,
            LepId = lep.Id,
            Kind = kind,
            Description = description,
            Stages = stages.Select(s => (PipelineStage)s).ToList(),
            TargetGroups = [.. groups],
            InterventionTypes = [.. interventions],
            PlacesPerQuarter = places,
            Cost = "Free",
            FundingSource = kind == ServiceKind.Employability ? "No One Left Behind" : null,
            ReferralMethod = "Refer through Nolb",
            CreatedAt = now,
            UpdatedAt = now,
        };

        var services = new List<DirectoryService>
        {
            Service(council, $"{lep.Name} Employability Key Worker Service", ServiceKind.Employability, [1, 2, 3, 4, 5], [TargetGroup.AllAges],
                ["referral-engagement", "case-management"], 150, "A key worker for anyone out of work or in low-paid work, from first meeting to a year in a job."),
            Service(partner, "Confidence and Skills Programme", ServiceKind.Employability, [2, 3], [TargetGroup.LongTermUnemployed, TargetGroup.DisabledOrHealthCondition, TargetGroup.InRecovery],
                ["personal-social", "health-wellbeing"], 40, "Small group sessions on confidence, motivation and digital skills, with one-to-one support."),
            Service(council, "Parental Employability Support", ServiceKind.Employability, [1, 2, 3, 4], [TargetGroup.Parents],
                ["case-management", "money-debt", "job-search"], 30, "Support for parents in the child poverty priority family types, including childcare and income maximisation."),
            Service(college, "Young Person's Guarantee Work Placements", ServiceKind.Employability, [3, 4], [TargetGroup.YoungPeople, TargetGroup.CareExperienced],
                ["work-experience", "accredited-training"], 25, "Paid six-month placements with local employers and an SCQF level 5 employability award."),
            Service(jobcentre, "Work Coach Support", ServiceKind.Dwp, [1, 4], [TargetGroup.AllAges], ["job-search", "employer-matching"], null,
                "Universal Credit work coaches: job search, Access to Work and the Flexible Support Fund."),
            Service(nhs, "Work and Health Support", ServiceKind.Health, [2], [TargetGroup.DisabledOrHealthCondition],
                ["health-wellbeing"], 20, "Occupational therapists and a condition management programme for people whose health affects work."),
            Service(advice, "Money and Debt Advice", ServiceKind.MoneyAdvice, [2, 5], [TargetGroup.AllAges], ["money-debt"], 60,
                "Benefit checks, debt advice and better-off-in-work calculations, in person or by phone."),
            Service(council, "Housing Options", ServiceKind.Housing, [1, 2], [TargetGroup.AllAges], [], null, "Advice for anyone homeless or at risk of losing their home."),
        };
        services[0].MinimumAge = 16;
        services[3].MinimumAge = 16;
        services[3].MaximumAge = 24;
        services[5].ReferralMethod = "Email the referral summary to the team; they contact the person within ten working days.";
        services[6].ReferralMethod = "Print the referral summary and email it; or the person can phone the advice line.";
        foreach (var service in services)
        {
            service.Locations.Add(new ServiceLocation { ServiceId = service.Id, Name = $"{town} community hub", AddressLine = "1 High Street", Town = town, Postcode = postcode });
            service.Schedules.Add(new ServiceSchedule { ServiceId = service.Id, ByDay = "MO,TU,WE,TH,FR", OpensAt = new TimeOnly(9, 0), ClosesAt = new TimeOnly(17, 0) });
        }

        services[1].Schedules[0].ByDay = "TU,TH";
        services[1].Schedules[0].OpensAt = new TimeOnly(10, 0);
        services[1].Schedules[0].ClosesAt = new TimeOnly(15, 0);
        db.DirectoryServices.AddRange(services);
        if (!await db.DirectoryServices.AnyAsync(s => s.LepId == null && s.OrganisationId == sds.Id))
        {
            db.DirectoryServices.Add(new DirectoryService
            {
                Name = "Careers Information, Advice and Guidance",
                OrganisationId = sds.Id,
                Kind = ServiceKind.Employability,
                Stages = [PipelineStage.EngagementReferralAndAssessment, PipelineStage.VocationalActivity],
                TargetGroups = [TargetGroup.YoungPeople, TargetGroup.AllAges],
                InterventionTypes = ["job-search"],
                Cost = "Free",
                ReferralMethod = "The person can book through My World of Work or call 0800 917 8000",
                Website = "https://www.myworldofwork.co.uk",
                Description = "Careers advisers for all ages, in schools, centres and online.",
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync();
        return services.Count;
    }

    /// <summary>A few referrals so the partner inbox, the record and the overdue flag have something to show.</summary>
    public static async Task SeedReferralsAsync(NolbDbContext db, Lep lep, DateTime now)
    {
        if (await db.Referrals.AnyAsync(r => r.LepId == lep.Id))
        {
            return;
        }

        var partnerOrg = await db.Organisations.Where(o => o.LepId == lep.Id && o.Kind == OrganisationKind.ThirdSector && o.Name.Contains("Works Together")).Select(o => (Guid?)o.Id).FirstOrDefaultAsync();
        var service = await db.DirectoryServices.Where(s => s.OrganisationId == partnerOrg).Select(s => (Guid?)s.Id).FirstOrDefaultAsync();
        var people = await db.Participants.Where(p => p.LepId == lep.Id && p.Engagements.Any(e => e.LeftOn == null && e.KeyWorkerId != null))
            .OrderBy(p => p.Reference).Take(3)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, KeyWorker = p.Engagements.Where(e => e.LeftOn == null).Select(e => e.KeyWorkerId!.Value).First() })
            .ToListAsync();
        if (partnerOrg is null || service is null)
        {
            return;
        }

        var ages = new[] { 1, 3, 12 };
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            db.Referrals.Add(new Referral
            {
                Direction = ReferralDirection.Outbound,
                LepId = lep.Id,
                ParticipantId = person.Id,
                ServiceId = service,
                ToOrganisationId = partnerOrg,
                SentByUserId = person.KeyWorker,
                SentAt = now.AddDays(-ages[i]),
                Reason = "Would like to build confidence before looking for work.",
                ConsentToShare = false,
            });
        }

        await db.SaveChangesAsync();
    }
}

using Bogus;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// Demo participants for one LEP: people at every stage of the pipeline (some moved back, some closed),
/// shared between the LEP's key worker and team leader. Same seed, same people, every run.
/// </summary>
public static class DemoParticipants
{
    private const int PerLep = 40;

    public static async Task<int> SeedAsync(NolbDbContext db, Guid lepId, int seed, DateTime now)
    {
        if (await db.Participants.AnyAsync(p => p.LepId == lepId))
        {
            return 0;
        }

        var staff = await db.Users
            .Where(u => u.LepId == lepId && (u.Role == Role.KeyWorker || u.Role == Role.TeamLeader))
            .OrderBy(u => u.Email)
            .Select(u => u.Id)
            .ToListAsync();
        if (staff.Count == 0)
        {
            return 0;
        }

        var faker = new Faker("en_GB") { Random = new Randomizer(seed) };
        var today = DateOnly.FromDateTime(now);
        for (var i = 0; i < PerLep; i++)
        {
            var person = new Participant
            {
                Reference = ParticipantReferences.New(),
                LepId = lepId,
                GivenName = faker.Name.FirstName(),
                FamilyName = faker.Name.LastName(),
                DateOfBirth = today.AddDays(-faker.Random.Int(16 * 365 + 30, 62 * 365)),
                Postcode = faker.Random.ArrayElement(["G1 1XQ", "G31 2ER", "G42 8AB", "KY1 1XX", "KY12 7AB", "G51 4DP"]),
                Phone = "0141 496 " + faker.Random.Int(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                PreferredContact = faker.PickRandom<ContactMethod>(),
                EmploymentStatusAtStart = faker.PickRandom(EmploymentStatus.UnemployedUnder12Months, EmploymentStatus.Unemployed12MonthsOrMore, EmploymentStatus.EconomicallyInactive, EmploymentStatus.EmployedInWorkPoverty),
                BenefitsAtStart = faker.Random.Bool(0.7f) ? [Benefit.UniversalCredit] : [],
                HighestScqfLevel = faker.Random.Bool(0.8f) ? faker.Random.Int(1, 7) : null,
                Equality = new EqualityMonitoring
                {
                    Sex = faker.PickRandom<Sex>(),
                    Ethnicity = faker.Random.WeightedRandom([Ethnicity.WhiteScottish, Ethnicity.WhiteOtherBritish, Ethnicity.WhitePolish, Ethnicity.AsianPakistani, Ethnicity.African, Ethnicity.PreferNotToSay], [0.65f, 0.12f, 0.06f, 0.07f, 0.05f, 0.05f]),
                    Disabled = faker.Random.WeightedRandom([YesNo.Yes, YesNo.No, YesNo.PreferNotToSay], [0.25f, 0.7f, 0.05f]),
                    LongTermHealthCondition = faker.Random.WeightedRandom([YesNo.Yes, YesNo.No], [0.35f, 0.65f]),
                },
                Circumstances = new LifeCircumstances
                {
                    CareExperienced = faker.Random.Bool(0.08f),
                    Parent = faker.Random.Bool(0.35f),
                    Carer = faker.Random.Bool(0.1f),
                    JusticeExperience = faker.Random.Bool(0.07f),
                    HomelessOrAtRisk = faker.Random.Bool(0.05f),
                },
                CreatedAt = now,
            };
            person.Circumstances.LoneParent = person.Circumstances.Parent && faker.Random.Bool(0.5f);
            person.Email = faker.Internet.Email(person.GivenName, person.FamilyName, "example.org");

            var start = today.AddDays(-faker.Random.Int(20, 540));
            var funding = person.YoungPersonsGuaranteeEligibleOn(start) ? new[] { FundingStream.YoungPersonsGuarantee } : [FundingStream.NoOneLeftBehind];
            var engagement = person.StartEngagement(start, faker.PickRandom<ReferralSource>(), funding, staff[i % staff.Count], staff[i % staff.Count], today, now).Value!;
            var target = (PipelineStage)(i % 5 + 1);
            var day = start;
            for (var stage = PipelineStage.NeedsAssessmentAndBarrierRemoval; stage <= target; stage++)
            {
                day = day.AddDays(faker.Random.Int(7, 30));
                if (day > today)
                {
                    break;
                }

                engagement.MoveTo(stage, day, faker.PickRandom(StageReasons(stage)), staff[i % staff.Count], today, now);
            }

            if (i % 7 == 3 && engagement.CurrentStage > PipelineStage.NeedsAssessmentAndBarrierRemoval && day.AddDays(10) <= today)
            {
                engagement.MoveTo(PipelineStage.NeedsAssessmentAndBarrierRemoval, day.AddDays(10), "Housing crisis: back to barrier removal", staff[i % staff.Count], today, now);
            }

            if (i % 9 == 0 && engagement.StageMoves.Max(m => m.Date).AddDays(14) <= today)
            {
                engagement.Close(engagement.StageMoves.Max(m => m.Date).AddDays(14), engagement.CurrentStage == PipelineStage.InWorkSupportAndAftercare ? LeavingReason.EnteredEmployment : LeavingReason.NoLongerEngaging, today);
            }

            person.Consents.Add(new Consent { ParticipantId = person.Id, Kind = ConsentKind.UseInEvaluation, GivenOn = start, RecordedByUserId = staff[i % staff.Count], RecordedAt = now });
            db.Participants.Add(person);
        }

        await db.SaveChangesAsync();
        return PerLep;
    }

    private static string[] StageReasons(PipelineStage stage) => stage switch
    {
        PipelineStage.NeedsAssessmentAndBarrierRemoval => ["Needs assessment done with the person", "Agreed action plan to tackle confidence and debt"],
        PipelineStage.VocationalActivity => ["Started an SVQ in hospitality", "Started a forklift licence course", "Began a work experience placement"],
        PipelineStage.EmployerEngagementAndJobMatching => ["Job ready: CV done, applying for roles", "Matched to warehouse vacancies"],
        _ => ["Started work as a care assistant", "Started a retail job, 25 hours a week", "Started an apprenticeship"],
    };
}

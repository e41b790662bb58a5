using Nolb.Web.Domain.Measurement;
using Nolb.Web.Domain.Participants;

namespace Nolb.Tests.Domain.Measurement;

/// <summary>
/// The services on the journey map, on a hand-built dataset with every figure worked out by hand below. Days count from
/// 1 April 2025 (d0). Interventions: "CV workshop" and "Job search support" (heading Job Search), "Confidence building"
/// (heading Personal and Social Development). Referrals: "Money Advice" (run by Citizens Advice).
/// A ×15 people: 1@0, 2@10, 4@30, left @50 into work; CV workshop @12 and Job search support @13 (stage 2); referral to
///   Money Advice sent @10, the day of the move into stage 2, so in stage 2.
/// B ×3 people: 1@0, 2@10, open; CV workshop @5 (stage 1); Confidence building @15 (stage 2).
/// C, one person with two engagements: C1 1@0, left @5 by choice, CV workshop @2 (stage 1); C2 starts @20, 1@20, 2@25, open,
///   CV workshop @21 (stage 1 again: the person counts once); referral to Money Advice sent @26, matched to C2 (stage 2).
/// D, one person: engagement from @0 with its first move 1@3; CV workshop @1, before the first move, so in stage 1; a referral
///   sent @-5, before the engagement started, is left out.
/// People who reached a stage: stage 1 = 15 + 3 + 1 + 1 = 20; stage 2 = 15 + 3 + 1 = 19; stage 4 = 15; stages 3 and 5 none.
/// </summary>
public sealed class JourneyServicesTests
{
    private static readonly DateOnly D0 = new(2025, 4, 1);
    private const PipelineStage S1 = PipelineStage.EngagementReferralAndAssessment;
    private const PipelineStage S2 = PipelineStage.NeedsAssessmentAndBarrierRemoval;
    private const PipelineStage S4 = PipelineStage.EmployerEngagementAndJobMatching;

    private sealed record Person(Guid Id, List<JourneyInput> Journeys, List<ServiceUse> Interventions, List<ReferralSent> Referrals);

    private static JourneyInput Journey(Guid person, int start, int? leftAfter, LeavingReason? reason, params (PipelineStage Stage, int Day)[] moves)
    {
        var id = Guid.NewGuid();
        var recorded = new DateTime(2025, 4, 1, 9, 0, 0, DateTimeKind.Utc);
        return new JourneyInput(id, D0.AddDays(start), leftAfter is { } l ? D0.AddDays(l) : null, reason,
            moves.Select((m, i) => new StageMoveFact(id, m.Stage, D0.AddDays(m.Day), recorded.AddMinutes(i))).ToList())
        { ParticipantId = person };
    }

    private static ServiceUse Intervention(JourneyInput journey, string name, string heading, int day) =>
        new(journey.EngagementId, JourneyServiceKind.Intervention, name, heading, D0.AddDays(day));

    private static ReferralSent MoneyAdvice(Guid person, int day) => new(person, "Money Advice", "Citizens Advice", D0.AddDays(day));

    private static Person A()
    {
        var id = Guid.NewGuid();
        var journey = Journey(id, 0, 50, LeavingReason.EnteredEmployment, (S1, 0), (S2, 10), (S4, 30));
        return new(id, [journey], [Intervention(journey, "CV workshop", "Job Search", 12), Intervention(journey, "Job search support", "Job Search", 13)], [MoneyAdvice(id, 10)]);
    }

    private static Person B()
    {
        var id = Guid.NewGuid();
        var journey = Journey(id, 0, null, null, (S1, 0), (S2, 10));
        return new(id, [journey], [Intervention(journey, "CV workshop", "Job Search", 5), Intervention(journey, "Confidence building", "Personal and Social Development", 15)], []);
    }

    private static Person C()
    {
        var id = Guid.NewGuid();
        var first = Journey(id, 0, 5, LeavingReason.ChoseToLeave, (S1, 0));
        var second = Journey(id, 20, null, null, (S1, 20), (S2, 25));
        return new(id, [first, second], [Intervention(first, "CV workshop", "Job Search", 2), Intervention(second, "CV workshop", "Job Search", 21)], [MoneyAdvice(id, 26)]);
    }

    private static Person D()
    {
        var id = Guid.NewGuid();
        var journey = Journey(id, 0, null, null, (S1, 3));
        return new(id, [journey], [Intervention(journey, "CV workshop", "Job Search", 1)], [MoneyAdvice(id, -5)]);
    }

    private static readonly Person[] People = [.. Enumerable.Range(0, 15).Select(_ => A()), B(), B(), B(), C(), D()];

    private static string Leaving(LeavingReason reason) => reason == LeavingReason.EnteredEmployment ? "job" : "chose to leave";

    private static JourneyMapResult Map()
    {
        var journeys = People.SelectMany(p => p.Journeys).ToList();
        var uses = People.SelectMany(p => p.Interventions).Concat(JourneyServices.Referrals(journeys, People.SelectMany(p => p.Referrals))).ToList();
        return JourneyMap.Build(journeys, services: uses, leavingLabel: Leaving);
    }

    [Fact]
    public void Referrals_are_matched_to_the_engagement_open_when_sent_and_dropped_before_any_engagement()
    {
        var c = C();
        var d = D();
        var journeys = c.Journeys.Concat(d.Journeys).ToList();

        var uses = JourneyServices.Referrals(journeys, [.. c.Referrals, .. d.Referrals]);

        var use = Assert.Single(uses);
        Assert.Equal((c.Journeys[1].EngagementId, JourneyServiceKind.Referral, "Money Advice", "Citizens Advice"), (use.EngagementId, use.Kind, use.Name, use.Group));
    }

    [Fact]
    public void Each_stage_lists_its_services_by_people_counted_once_with_their_share_of_those_who_reached_it()
    {
        var stages = Map().Services.Stages.ToDictionary(s => s.Stage);

        Assert.Equal([20, 19, 0, 15, 0], Map().Services.Stages.Select(s => s.Reached.Value));

        // Stage 1: CV workshop for B ×3, C once (two engagements, one person) and D (before its first move) = 5 of 20 = 25.0%.
        var stage1 = Assert.Single(stages[S1].Interventions);
        Assert.Equal(("CV workshop", "Job Search", 5, 25.0m), (stage1.Name, stage1.Group, stage1.People.Published, stage1.Share));
        Assert.Empty(stages[S1].Referrals);

        // Stage 2: A's two Job Search interventions tie at 15 (ordered by name), B's Confidence building is 3 and suppressed;
        // 19 people reached stage 2, under the minimum denominator of 20, so no share is shown.
        Assert.Equal(["CV workshop", "Job search support", "Confidence building"], stages[S2].Interventions.Select(s => s.Name));
        Assert.Equal([15, 15, null], stages[S2].Interventions.Select(s => s.People.Published));
        Assert.Equal([3], stages[S2].Interventions.Where(s => s.People.IsSuppressed).Select(s => s.People.Value));
        Assert.All(stages[S2].Interventions, s => Assert.Null(s.Share));

        // Money Advice: A ×15 (sent on the day of the move, so in stage 2) and C's second engagement = 16.
        var referral = Assert.Single(stages[S2].Referrals);
        Assert.Equal(("Money Advice", "Citizens Advice", 16), (referral.Name, referral.Group, referral.People.Published));
        Assert.Empty(stages[S4].Interventions);
    }

    [Fact]
    public void Routes_with_services_are_most_common_first_then_by_text_with_small_counts_suppressed()
    {
        var routes = Map().Services.Routes;

        // A ×15 and B ×3; then D, C2 and C1 once each, ordered by their text ("Stage 1 (Job Search)" is a prefix of the other two,
        // and " → S" sorts before " → l").
        Assert.Equal(
            [
                "Stage 1 → Stage 2 (Job Search; referral to Money Advice) → Stage 4 → left: job",
                "Stage 1 (Job Search) → Stage 2 (Personal and Social Development)",
                "Stage 1 (Job Search)",
                "Stage 1 (Job Search) → Stage 2 (referral to Money Advice)",
                "Stage 1 (Job Search) → left: chose to leave",
            ],
            routes.Select(r => r.Label));
        Assert.Equal([15, 3, 1, 1, 1], routes.Select(r => r.People.Value));
        // 3 + 1 + 1 + 1 hidden beside the 15 would each be at most 3 (21 − 15 = 6 for four counts of at least 1): the 15 goes too.
        Assert.Equal([null, null, null, null, null], routes.Select(r => r.People.Published));
        Assert.Equal(LeavingReason.EnteredEmployment, routes[0].Left);
        Assert.Equal([S1, S2, S4], routes[0].Visits.Select(v => v.Stage));
    }

    [Fact]
    public void Only_the_most_used_services_of_a_stage_are_listed_ties_by_name()
    {
        var id = Guid.NewGuid();
        var journey = Journey(id, 0, null, null, (S1, 0));
        string[] names = ["G", "F", "E", "D", "C", "B", "A"];
        var uses = names.Select(n => Intervention(journey, n, "Heading", 1)).Append(Intervention(journey, "G", "Heading", 2)).ToList();

        var listed = JourneyMap.Build([journey], services: uses).Services.Stages[0].Interventions;

        // G is used twice but by one person, so all seven tie at 1 person: the first five by name.
        Assert.Equal(["A", "B", "C", "D", "E"], listed.Select(s => s.Name));
        Assert.Equal(JourneyServices.MaxServicesPerStage, listed.Count);
    }
}

using Nolb.Web.Domain.Measurement;
using Nolb.Web.Domain.Participants;

namespace Nolb.Tests.Domain.Measurement;

/// <summary>
/// The customer journey map on a hand-built dataset of 14 engagements, every figure worked out by hand below.
/// Days are counted from 1 April 2025 (d0).
/// A1 ×3: 1@0, 2@10, 3@30, left @60 into work → stays 10 (s1), 20 (s2), 30 (s3).
/// A2 ×3: 1@0, 2@10, 3@31, left @61 into work → stays 10, 21, 30.
/// B  ×5: 1@0, 2@20, still open → stay 20 in s1; the stay in s2 is still going on and left out.
/// C  ×2: 1@0, 3@7 (skips stage 2), left @9, no longer engaging → stays 7 (s1), 2 (s3).
/// D  ×1: 1@0 and 1@0 again (a repeat, collapsed), left @5, chose to leave → stay 5 (s1).
/// </summary>
public sealed class JourneyMapTests
{
    private static readonly DateOnly D0 = new(2025, 4, 1);

    private static IEnumerable<JourneyInput> Many(int count, int? leftAfter, LeavingReason? reason, params (PipelineStage Stage, int Day)[] moves) =>
        Enumerable.Range(0, count).Select(_ =>
        {
            var id = Guid.NewGuid();
            var recorded = new DateTime(2025, 4, 1, 9, 0, 0, DateTimeKind.Utc);
            return new JourneyInput(id, D0, leftAfter is { } l ? D0.AddDays(l) : null, reason,
                moves.Select((m, i) => new StageMoveFact(id, m.Stage, D0.AddDays(m.Day), recorded.AddMinutes(i))).ToList());
        });

    private static readonly JourneyInput[] Data =
    [
        .. Many(3, 60, LeavingReason.EnteredEmployment, (PipelineStage.EngagementReferralAndAssessment, 0), (PipelineStage.NeedsAssessmentAndBarrierRemoval, 10), (PipelineStage.VocationalActivity, 30)),
        .. Many(3, 61, LeavingReason.EnteredEmployment, (PipelineStage.EngagementReferralAndAssessment, 0), (PipelineStage.NeedsAssessmentAndBarrierRemoval, 10), (PipelineStage.VocationalActivity, 31)),
        .. Many(5, null, null, (PipelineStage.EngagementReferralAndAssessment, 0), (PipelineStage.NeedsAssessmentAndBarrierRemoval, 20)),
        .. Many(2, 9, LeavingReason.NoLongerEngaging, (PipelineStage.EngagementReferralAndAssessment, 0), (PipelineStage.VocationalActivity, 7)),
        .. Many(1, 5, LeavingReason.ChoseToLeave, (PipelineStage.EngagementReferralAndAssessment, 0), (PipelineStage.EngagementReferralAndAssessment, 0)),
    ];

    [Fact]
    public void Routes_are_counted_most_common_first_with_repeats_collapsed_and_small_counts_suppressed()
    {
        var map = JourneyMap.Build(Data);

        Assert.Equal(14, map.Engagements);
        Assert.Equal(["1 → 2 → 3", "1 → 2", "1 → 3", "1"], map.Routes.Select(r => JourneyMap.Label(r.Stages)));
        Assert.Equal([6, 5, 2, 1], map.Routes.Select(r => r.People.Value));

        // 2 and 1 are under 5: both suppressed. With 14 − 6 − 5 = 3 left for them, each would be 1 or 2, so the 5 goes
        // too: each hidden count then has at least four possible values.
        Assert.Equal([6, null, null, null], map.Routes.Select(r => r.People.Published));
    }

    [Fact]
    public void Median_days_in_each_stage_count_only_completed_stays()
    {
        var times = JourneyMap.Build(Data).StageTimes.ToDictionary(t => t.Stage);

        // Stage 1: 5, 7, 7, 10×6, 20×5 — 14 stays; the 7th and 8th are both 10.
        Assert.Equal((14, 10m), (times[PipelineStage.EngagementReferralAndAssessment].Stays.Value, times[PipelineStage.EngagementReferralAndAssessment].MedianDays));

        // Stage 2: 20×3, 21×3 (B's stays are still going on) — the mean of the middle two, 20 and 21.
        Assert.Equal((6, 20.5m), (times[PipelineStage.NeedsAssessmentAndBarrierRemoval].Stays.Value, times[PipelineStage.NeedsAssessmentAndBarrierRemoval].MedianDays));

        // Stage 3: 2, 2, 30×6 — 8 stays; the 4th and 5th are both 30.
        Assert.Equal((8, 30m), (times[PipelineStage.VocationalActivity].Stays.Value, times[PipelineStage.VocationalActivity].MedianDays));
        Assert.Equal((0, null), (times[PipelineStage.InWorkSupportAndAftercare].Stays.Value, times[PipelineStage.InWorkSupportAndAftercare].MedianDays));
    }

    [Fact]
    public void A_median_over_fewer_stays_than_the_minimum_count_is_not_shown()
    {
        var times = JourneyMap.Build([.. Data.Take(3)]).StageTimes.ToDictionary(t => t.Stage);

        Assert.True(times[PipelineStage.VocationalActivity].Stays.IsSuppressed);
        Assert.Null(times[PipelineStage.VocationalActivity].MedianDays);
    }

    [Fact]
    public void Leavers_are_counted_by_their_last_stage_and_reason_with_small_counts_suppressed()
    {
        var leavers = JourneyMap.Build(Data).Leavers;
        int Row(PipelineStage s) => leavers.Stages.ToList().IndexOf(s);
        int Column(LeavingReason r) => leavers.Reasons.ToList().IndexOf(r);
        var t = leavers.Counts;

        Assert.Equal(6, t.Cell(Row(PipelineStage.VocationalActivity), Column(LeavingReason.EnteredEmployment)).Value);
        Assert.Equal(2, t.Cell(Row(PipelineStage.VocationalActivity), Column(LeavingReason.NoLongerEngaging)).Value);
        Assert.Equal(1, t.Cell(Row(PipelineStage.EngagementReferralAndAssessment), Column(LeavingReason.ChoseToLeave)).Value);
        Assert.Equal(8, t.RowTotal(Row(PipelineStage.VocationalActivity)).Value);
        Assert.Equal(9, t.GrandTotal.Value);
        Assert.Equal(0, t.RowTotal(Row(PipelineStage.NeedsAssessmentAndBarrierRemoval)).Value);
        Assert.True(t.Cell(Row(PipelineStage.VocationalActivity), Column(LeavingReason.NoLongerEngaging)).IsSuppressed);
        Assert.True(t.Cell(Row(PipelineStage.EngagementReferralAndAssessment), Column(LeavingReason.ChoseToLeave)).IsSuppressed);
        Assert.True(t.RowTotal(Row(PipelineStage.EngagementReferralAndAssessment)).IsSuppressed);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Equal(2.5m, JourneyMap.Median([4, 1, 3, 2]));
        Assert.Equal(3m, JourneyMap.Median([5, 1, 3]));
        Assert.Null(JourneyMap.Median([]));
    }
}

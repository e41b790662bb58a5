using Nolb.Web.Domain.Participants;

namespace Nolb.Tests.Domain.Participants;

/// <summary>The participant rules as plain C#: no web host, no database.</summary>
public sealed class ParticipantDomainTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);
    private static readonly DateTime Now = new(2025, 6, 15, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Worker = Guid.NewGuid();

    private static Participant Person(DateOnly? dateOfBirth = null, bool careExperienced = false) => new()
    {
        Reference = "NLB-TEST01",
        GivenName = "Morag",
        FamilyName = "Test",
        DateOfBirth = dateOfBirth ?? new DateOnly(1995, 3, 1),
        Circumstances = new LifeCircumstances { CareExperienced = careExperienced },
    };

    private static Engagement OpenEngagement(DateOnly start)
    {
        var result = Person().StartEngagement(start, ReferralSource.Self, [FundingStream.NoOneLeftBehind], Worker, Worker, Today, Now);
        Assert.True(result.Succeeded, result.Error);
        return result.Value!;
    }

    [Fact]
    public void Starting_an_engagement_puts_the_person_at_stage_1_on_the_start_date()
    {
        var person = Person();

        var result = person.StartEngagement(Today.AddDays(-3), ReferralSource.Health,
            [FundingStream.NoOneLeftBehind, FundingStream.NoOneLeftBehind, FundingStream.ParentalEmployabilitySupport], Worker, Worker, Today, Now);

        Assert.True(result.Succeeded);
        var engagement = result.Value!;
        Assert.Same(engagement, person.OpenEngagement);
        Assert.Equal(PipelineStage.EngagementReferralAndAssessment, engagement.CurrentStage);
        Assert.Equal([FundingStream.NoOneLeftBehind, FundingStream.ParentalEmployabilitySupport], engagement.FundingStreams);
        var move = Assert.Single(engagement.StageMoves);
        Assert.Equal((PipelineStage.EngagementReferralAndAssessment, Today.AddDays(-3), Worker), (move.Stage, move.Date, move.RecordedByUserId));
    }

    [Fact]
    public void A_second_open_engagement_is_refused()
    {
        var person = Person();
        person.StartEngagement(Today.AddDays(-10), ReferralSource.Self, [FundingStream.Other], Worker, Worker, Today, Now);

        var second = person.StartEngagement(Today, ReferralSource.Self, [FundingStream.Other], Worker, Worker, Today, Now);

        Assert.False(second.Succeeded);
        Assert.Equal("startDate", second.Field);
        Assert.Single(person.Engagements);
    }

    [Fact]
    public void A_new_engagement_may_start_once_the_last_has_closed_but_not_before_it_ended()
    {
        var person = Person();
        var first = person.StartEngagement(Today.AddDays(-100), ReferralSource.Self, [FundingStream.Other], Worker, Worker, Today, Now).Value!;
        Assert.True(first.Close(Today.AddDays(-50), LeavingReason.EnteredEmployment, Today).Succeeded);

        var overlapping = person.StartEngagement(Today.AddDays(-60), ReferralSource.Self, [FundingStream.Other], Worker, Worker, Today, Now);
        var after = person.StartEngagement(Today.AddDays(-40), ReferralSource.Self, [FundingStream.Other], Worker, Worker, Today, Now);

        Assert.Equal("startDate", overlapping.Field);
        Assert.True(after.Succeeded);
        Assert.Equal(2, person.Engagements.Count);
        Assert.Same(after.Value, person.OpenEngagement);
    }

    [Fact]
    public void An_engagement_cannot_start_in_the_future_or_before_the_person_was_born()
    {
        var person = Person(new DateOnly(2005, 1, 1));

        Assert.Equal("startDate", person.StartEngagement(Today.AddDays(1), ReferralSource.Self, [FundingStream.Other], Worker, Worker, Today, Now).Field);
        Assert.Equal("startDate", person.StartEngagement(new DateOnly(2004, 12, 31), ReferralSource.Self, [FundingStream.Other], Worker, Worker, Today, Now).Field);
        Assert.Empty(person.Engagements);
    }

    [Fact]
    public void Moves_may_go_forward_back_or_skip_and_the_current_stage_is_the_latest_by_date()
    {
        var engagement = OpenEngagement(Today.AddDays(-30));

        Assert.True(engagement.MoveTo(PipelineStage.VocationalActivity, Today.AddDays(-20), "Skipped ahead", Worker, Today, Now).Succeeded);
        Assert.Equal(PipelineStage.VocationalActivity, engagement.CurrentStage);
        Assert.True(engagement.MoveTo(PipelineStage.NeedsAssessmentAndBarrierRemoval, Today.AddDays(-10), "Back a step", Worker, Today, Now).Succeeded);
        Assert.Equal(PipelineStage.NeedsAssessmentAndBarrierRemoval, engagement.CurrentStage);
        Assert.True(engagement.MoveTo(PipelineStage.InWorkSupportAndAftercare, Today, "Started work", Worker, Today, Now).Succeeded);

        // A move recorded late, dated earlier than the latest, joins the history without changing the current stage.
        var late = engagement.MoveTo(PipelineStage.EmployerEngagementAndJobMatching, Today.AddDays(-25), "Recorded late", Worker, Today, Now.AddMinutes(5));

        Assert.True(late.Succeeded);
        Assert.Equal(PipelineStage.InWorkSupportAndAftercare, engagement.CurrentStage);
        Assert.Equal(5, engagement.StageMoves.Count);
    }

    [Fact]
    public void Two_moves_on_one_day_leave_the_later_recorded_one_current()
    {
        var engagement = OpenEngagement(Today.AddDays(-5));

        engagement.MoveTo(PipelineStage.VocationalActivity, Today, "Morning", Worker, Today, Now);
        engagement.MoveTo(PipelineStage.NeedsAssessmentAndBarrierRemoval, Today, "Afternoon", Worker, Today, Now.AddHours(4));

        Assert.Equal(PipelineStage.NeedsAssessmentAndBarrierRemoval, engagement.CurrentStage);
    }

    [Theory]
    [InlineData(0, -1, "Reason", "stage")]
    [InlineData(6, -1, "Reason", "stage")]
    [InlineData(2, 1, "Reason", "date")]
    [InlineData(2, -11, "Reason", "date")]
    [InlineData(2, -1, "", "reason")]
    [InlineData(2, -1, "   ", "reason")]
    [InlineData(2, -1, null, "reason")]
    public void An_invalid_move_is_refused_naming_the_field_and_records_nothing(int stage, int daysFromToday, string? reason, string field)
    {
        var engagement = OpenEngagement(Today.AddDays(-10));

        var result = engagement.MoveTo((PipelineStage)stage, Today.AddDays(daysFromToday), reason, Worker, Today, Now);

        Assert.False(result.Succeeded);
        Assert.Equal(field, result.Field);
        Assert.Single(engagement.StageMoves);
        Assert.Equal(PipelineStage.EngagementReferralAndAssessment, engagement.CurrentStage);
    }

    [Fact]
    public void A_move_on_the_start_date_and_one_today_are_both_allowed()
    {
        var engagement = OpenEngagement(Today.AddDays(-10));

        Assert.True(engagement.MoveTo(PipelineStage.NeedsAssessmentAndBarrierRemoval, Today.AddDays(-10), "Same day", Worker, Today, Now).Succeeded);
        Assert.True(engagement.MoveTo(PipelineStage.VocationalActivity, Today, "Today", Worker, Today, Now).Succeeded);
    }

    [Fact]
    public void A_reason_over_1000_characters_is_refused()
    {
        var engagement = OpenEngagement(Today.AddDays(-10));

        var result = engagement.MoveTo(PipelineStage.VocationalActivity, Today, new string('x', 1001), Worker, Today, Now);

        Assert.Equal("reason", result.Field);
    }

    [Fact]
    public void Closing_records_the_leaving_date_and_reason_and_then_refuses_moves_and_a_second_close()
    {
        var engagement = OpenEngagement(Today.AddDays(-10));

        var closed = engagement.Close(Today, LeavingReason.EnteredEmployment, Today);

        Assert.True(closed.Succeeded);
        Assert.False(engagement.IsOpen);
        Assert.Equal((Today, LeavingReason.EnteredEmployment), (engagement.LeftOn!.Value, engagement.LeavingReason!.Value));
        Assert.Equal("stage", engagement.MoveTo(PipelineStage.VocationalActivity, Today, "After closing", Worker, Today, Now).Field);
        Assert.Equal("date", engagement.Close(Today, LeavingReason.Other, Today).Field);
        Assert.Equal(LeavingReason.EnteredEmployment, engagement.LeavingReason);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-11)]
    [InlineData(-6)]
    public void A_close_dated_in_the_future_before_the_start_or_before_the_last_move_is_refused(int daysFromToday)
    {
        var engagement = OpenEngagement(Today.AddDays(-10));
        engagement.MoveTo(PipelineStage.VocationalActivity, Today.AddDays(-5), "Training", Worker, Today, Now);

        var result = engagement.Close(Today.AddDays(daysFromToday), LeavingReason.Other, Today);

        Assert.Equal("date", result.Field);
        Assert.True(engagement.IsOpen);
    }

    [Fact]
    public void A_close_with_an_unknown_reason_is_refused()
    {
        var engagement = OpenEngagement(Today.AddDays(-10));

        Assert.Equal("reason", engagement.Close(Today, (LeavingReason)99, Today).Field);
        Assert.True(engagement.IsOpen);
    }

    [Fact]
    public void Reassigning_changes_the_key_worker_and_keeps_who_it_was_before()
    {
        var engagement = OpenEngagement(Today.AddDays(-10));
        var leader = Guid.NewGuid();
        var next = Guid.NewGuid();

        var assignment = engagement.Reassign(next, "  Balancing caseloads  ", leader, Now);
        engagement.Reassign(Worker, " ", leader, Now.AddDays(1));

        Assert.Equal(Worker, engagement.KeyWorkerId);
        Assert.Equal(2, engagement.Assignments.Count);
        Assert.Equal((Worker, next, "Balancing caseloads", leader), (assignment.FromKeyWorkerId!.Value, assignment.ToKeyWorkerId!.Value, assignment.Reason, assignment.RecordedByUserId));
        Assert.Null(engagement.Assignments[1].Reason);
        Assert.Equal(next, engagement.Assignments[1].FromKeyWorkerId);
    }

    [Theory]
    [InlineData("2000-06-15", "2020-06-14", 19)]
    [InlineData("2000-06-15", "2020-06-15", 20)]
    [InlineData("2000-12-31", "2021-01-01", 20)]
    [InlineData("2000-01-01", "2000-12-31", 0)]
    [InlineData("2004-02-29", "2021-02-28", 16)]
    [InlineData("2004-02-29", "2021-03-01", 17)]
    [InlineData("2004-02-29", "2024-02-28", 19)]
    [InlineData("2004-02-29", "2024-02-29", 20)]
    public void Age_counts_whole_years_and_a_leap_day_birthday_falls_on_1_march_in_other_years(string born, string on, int age)
    {
        Assert.Equal(age, Age.OnDate(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(15, AgeBand.Under16)]
    [InlineData(16, AgeBand.From16To19)]
    [InlineData(19, AgeBand.From16To19)]
    [InlineData(20, AgeBand.From20To24)]
    [InlineData(24, AgeBand.From20To24)]
    [InlineData(25, AgeBand.From25To29)]
    [InlineData(29, AgeBand.From25To29)]
    [InlineData(30, AgeBand.From30To49)]
    [InlineData(49, AgeBand.From30To49)]
    [InlineData(50, AgeBand.Over50)]
    [InlineData(80, AgeBand.Over50)]
    public void Each_age_from_its_birthday_to_the_day_before_the_next_falls_in_one_band(int years, AgeBand band)
    {
        var born = new DateOnly(1970, 7, 20).AddYears(80 - years);
        var birthday = born.AddYears(years);

        Assert.Equal(band, Age.Band(born, birthday));
        Assert.Equal(band, Age.Band(born, birthday.AddYears(1).AddDays(-1)));
    }

    [Theory]
    [InlineData(16, AgeBand.Under16, AgeBand.From16To19)]
    [InlineData(20, AgeBand.From16To19, AgeBand.From20To24)]
    [InlineData(25, AgeBand.From20To24, AgeBand.From25To29)]
    [InlineData(30, AgeBand.From25To29, AgeBand.From30To49)]
    [InlineData(50, AgeBand.From30To49, AgeBand.Over50)]
    public void The_band_changes_on_the_birthday_itself(int years, AgeBand dayBefore, AgeBand onTheDay)
    {
        var born = new DateOnly(1960, 3, 10);
        var birthday = born.AddYears(years);

        Assert.Equal(dayBefore, Age.Band(born, birthday.AddDays(-1)));
        Assert.Equal(onTheDay, Age.Band(born, birthday));
    }

    [Theory]
    [InlineData(15, false, false)]
    [InlineData(16, false, true)]
    [InlineData(24, false, true)]
    [InlineData(25, false, false)]
    [InlineData(15, true, false)]
    [InlineData(25, true, true)]
    [InlineData(26, true, true)]
    [InlineData(27, true, false)]
    public void The_young_persons_guarantee_is_for_16_to_24_and_up_to_26_for_care_experienced_people(int years, bool careExperienced, bool eligible)
    {
        var born = new DateOnly(1990, 9, 1);
        var on = born.AddYears(years);

        Assert.Equal(eligible, Age.YoungPersonsGuaranteeEligible(born, careExperienced, on));
        Assert.Equal(eligible, Person(born, careExperienced).YoungPersonsGuaranteeEligibleOn(on));
    }

    [Fact]
    public void Eligibility_ends_the_day_a_person_turns_25()
    {
        var born = new DateOnly(2000, 5, 5);

        Assert.True(Age.YoungPersonsGuaranteeEligible(born, false, new DateOnly(2025, 5, 4)));
        Assert.False(Age.YoungPersonsGuaranteeEligible(born, false, new DateOnly(2025, 5, 5)));
    }

    [Fact]
    public void The_participants_age_band_is_derived_from_the_date_of_birth()
    {
        var person = Person(new DateOnly(2005, 6, 16));

        Assert.Equal(AgeBand.From16To19, person.AgeBandOn(Today));
        Assert.Equal(AgeBand.From20To24, person.AgeBandOn(Today.AddDays(1)));
    }
}

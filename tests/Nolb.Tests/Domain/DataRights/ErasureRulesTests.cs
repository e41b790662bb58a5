using Nolb.Web.Domain.DataRights;
using Nolb.Web.Domain.Participants;

namespace Nolb.Tests.Domain.DataRights;

public sealed class ErasureRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("2001-05-17", "2021-03-01")]
    [InlineData("2001-05-17", "2021-05-16")]
    [InlineData("2001-05-17", "2021-05-17")]
    [InlineData("1976-12-30", "2026-01-05")]
    [InlineData("2006-02-28", "2022-02-27")]
    public void The_stand_in_date_of_birth_is_not_the_real_one_and_keeps_the_age_band_and_guarantee_eligibility_at_the_start(string born, string started)
    {
        var dateOfBirth = DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture);
        var start = DateOnly.Parse(started, System.Globalization.CultureInfo.InvariantCulture);

        var standIn = ErasureRules.StandInDateOfBirth(dateOfBirth, careExperienced: false, [start]);

        Assert.NotEqual(dateOfBirth, standIn);
        Assert.Equal(Age.Band(dateOfBirth, start), Age.Band(standIn, start));
        Assert.Equal(Age.YoungPersonsGuaranteeEligible(dateOfBirth, false, start), Age.YoungPersonsGuaranteeEligible(standIn, false, start));
    }

    [Fact]
    public void An_open_engagement_and_a_recent_close_are_holds_and_an_old_close_is_not()
    {
        Assert.Contains(ErasureRules.Holds([new(Today.AddYears(-1), null)], false, Today, 12), h => h.Contains("open engagement", StringComparison.Ordinal));
        Assert.Contains(ErasureRules.Holds([new(Today.AddYears(-1), Today.AddMonths(-12).AddDays(1))], false, Today, 12), h => h.StartsWith("Funding audit hold", StringComparison.Ordinal));
        Assert.Empty(ErasureRules.Holds([new(Today.AddYears(-2), Today.AddMonths(-12))], false, Today, 12));
        Assert.Empty(ErasureRules.Holds([], false, Today, 12));
        Assert.NotEmpty(ErasureRules.Holds([], true, Today, 12));
    }

    [Fact]
    public void A_record_is_kept_to_the_day_its_period_ends()
    {
        var settings = new RetentionSettings();

        Assert.Equal(new DateOnly(2026, 3, 31), settings.ParticipantKeepUntil([new(new DateOnly(2019, 1, 1), new DateOnly(2020, 3, 31))], new DateOnly(2019, 1, 1)));
        Assert.Null(settings.ParticipantKeepUntil([new(new DateOnly(2019, 1, 1), null)], new DateOnly(2019, 1, 1)));
        Assert.Equal(new DateOnly(2021, 1, 1), settings.ParticipantKeepUntil([], new DateOnly(2019, 1, 1)));
    }
}

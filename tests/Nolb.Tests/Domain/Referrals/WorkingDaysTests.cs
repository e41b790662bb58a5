using Nolb.Web.Domain.Referrals;

namespace Nolb.Tests.Domain.Referrals;

public sealed class WorkingDaysTests
{
    [Theory]
    [InlineData("2026-11-20", "2026-11-20", 0)] // same day
    [InlineData("2026-11-20", "2026-11-23", 1)] // Friday to Monday skips the weekend
    [InlineData("2026-11-21", "2026-11-22", 0)] // Saturday to Sunday
    [InlineData("2026-11-16", "2026-11-23", 5)] // a whole week
    [InlineData("2026-11-16", "2026-11-30", 10)]
    [InlineData("2026-11-23", "2026-11-20", 0)] // backwards
    public void Counts_weekdays_after_the_start_up_to_and_including_the_end(string from, string to, int expected) =>
        Assert.Equal(expected, WorkingDays.Between(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_referral_sent_on_a_friday_is_not_overdue_after_a_weekend_but_is_after_the_allowed_working_days()
    {
        var friday = new DateOnly(2026, 11, 20);

        Assert.False(WorkingDays.IsOverdue(friday, new DateOnly(2026, 11, 23), 2));
        Assert.False(WorkingDays.IsOverdue(friday, new DateOnly(2026, 11, 24), 2));
        Assert.True(WorkingDays.IsOverdue(friday, new DateOnly(2026, 11, 25), 2));
    }
}

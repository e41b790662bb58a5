namespace Nolb.Web.Domain.Referrals;

/// <summary>Working days are Monday to Friday. Public holidays vary by council area and are not counted out.</summary>
public static class WorkingDays
{
    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; 0 when to is not after from.</summary>
    public static int Between(DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            return 0;
        }

        var days = to.DayNumber - from.DayNumber;
        var weeks = days / 7;
        var count = weeks * 5;
        for (var d = from.AddDays((weeks * 7) + 1); d <= to; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Overdue once more than <paramref name="allowed"/> working days have passed since it was sent without anyone acting.</summary>
    public static bool IsOverdue(DateOnly sentOn, DateOnly today, int allowed) => Between(sentOn, today) > allowed;
}

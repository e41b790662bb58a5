namespace Nolb.Web.Domain.Measurement;

/// <summary>
/// The Scottish Index of Multiple Deprivation 2020v2 ranks 6,976 data zones from 1 (most deprived) to 6,976.
/// Deciles and quintiles are equal shares of that ranking, so 1 is always the most deprived tenth or fifth:
/// quintile 1 is ranks 1–1,395, decile 1 ranks 1–697 (the Scottish Government's own cut points).
/// </summary>
public static class Simd
{
    public const int DataZones = 6976;

    public static bool IsRank(int rank) => rank is >= 1 and <= DataZones;

    public static int QuintileOf(int rank) => Share(rank, 5);

    public static int DecileOf(int rank) => Share(rank, 10);

    // The smallest n with rank ≤ n × 6976 / parts: ceiling(rank × parts / 6976).
    private static int Share(int rank, int parts)
    {
        if (!IsRank(rank))
        {
            throw new ArgumentOutOfRangeException(nameof(rank), rank, $"A SIMD rank runs from 1 to {DataZones}.");
        }

        return ((rank * parts) + DataZones - 1) / DataZones;
    }
}

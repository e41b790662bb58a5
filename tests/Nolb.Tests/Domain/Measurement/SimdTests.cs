using Nolb.Web.Domain.Measurement;

namespace Nolb.Tests.Domain.Measurement;

/// <summary>SIMD 2020v2 ranks 6,976 data zones; quintile 1 is ranks 1–1,395 and decile 1 ranks 1–697.</summary>
public sealed class SimdTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(697, 1, 1)]
    [InlineData(698, 2, 1)]
    [InlineData(1395, 2, 1)]
    [InlineData(1396, 3, 2)]
    [InlineData(2790, 4, 2)]
    [InlineData(2791, 5, 3)]
    [InlineData(5580, 8, 4)]
    [InlineData(5581, 9, 5)]
    [InlineData(6976, 10, 5)]
    public void Deciles_and_quintiles_are_equal_shares_of_the_ranking(int rank, int decile, int quintile)
    {
        Assert.Equal(decile, Simd.DecileOf(rank));
        Assert.Equal(quintile, Simd.QuintileOf(rank));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6977)]
    public void A_rank_outside_the_ranking_is_refused(int rank) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Simd.QuintileOf(rank));
}

using Nolb.Tests.Features.Employers;
using Nolb.Tests.Infrastructure;
using Nolb.Web.Infrastructure;

namespace Nolb.Tests.Features.Commissioning;

/// <summary>The demo LEPs come with allocations, profiled contracts and spend, seen by the demo LEP manager.</summary>
public sealed class DemoCommissioningTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task The_demo_manager_sees_allocations_and_three_profiled_contracts_with_spend_only_for_ended_quarters()
    {
        using var manager = await app.ApiClientAsync($"manager@glasgow.{DemoData.EmailDomain}", DemoData.Password);

        var allocations = await (await manager.GetAsync("/api/v1/funding")).OkJsonAsync();
        var contracts = (await (await manager.GetAsync("/api/v1/contracts")).OkJsonAsync()).EnumerateArray().ToList();

        Assert.Equal(6, allocations.GetArrayLength());
        Assert.Equal(3, contracts.Count);
        Assert.All(contracts, c =>
        {
            var profile = c.GetProperty("profile").EnumerateArray().ToList();
            Assert.Equal(4, profile.Count);
            Assert.Equal(c.GetProperty("expectedStarts").GetInt32(), profile.Sum(q => q.GetProperty("starts").GetInt32()));
            Assert.True(c.GetProperty("spendRecorded").GetDecimal() <= c.GetProperty("budget").GetDecimal());
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ended = Nolb.Web.Domain.Commissioning.FinancialYear.Of(today).Quarters.Count(q => q.End < today);
        Assert.All(contracts, c => Assert.Equal(ended, c.GetProperty("spend").GetArrayLength()));
    }
}

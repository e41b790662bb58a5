using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Employers;

namespace Nolb.Tests.Features.Employers;

/// <summary>A database where no list was ever loaded (its own app, so no other test's load shows): the shipped starter list, said to be partial.</summary>
public sealed class OccupationStarterListTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task Before_any_load_the_starter_list_is_in_use_and_says_it_is_partial()
    {
        using var admin = await OccupationListTests.AdminAsync(app);

        var page = await admin.PageTextAsync("/Admin/Occupations");

        Assert.Contains("Nolb's starter list", page, StringComparison.Ordinal);
        Assert.Contains($"{Occupations.UnitGroups.Count} unit groups", page, StringComparison.Ordinal);
    }
}

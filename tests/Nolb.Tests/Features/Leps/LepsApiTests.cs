using System.Net;
using System.Net.Http.Json;
using Nolb.Web.Data;

namespace Nolb.Tests.Features.Leps;

public sealed class LepsApiTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private sealed record LepDto(string Code, string Name);

    [Fact]
    public async Task Lists_all_32_leps_with_their_gss_codes()
    {
        using var client = app.CreateClient();

        var leps = await client.GetFromJsonAsync<List<LepDto>>("/api/v1/leps");

        Assert.Equal(32, leps!.Count);
        Assert.Equal(32, leps.Select(l => l.Code).Distinct().Count());
        Assert.All(leps, l => Assert.Matches("^S12000[0-9]{3}$", l.Code));
        var expected = ReferenceDataSeeder.CouncilAreas().ToDictionary(a => a.Code, a => a.Name);
        Assert.All(leps, l => Assert.Equal(expected[l.Code], l.Name));
        Assert.Contains(new LepDto("S12000049", "Glasgow City"), leps);
        Assert.Contains(new LepDto("S12000036", "City of Edinburgh"), leps);
        Assert.Contains(new LepDto("S12000013", "Na h-Eileanan Siar"), leps);
    }

    [Theory]
    [InlineData("S12000049", "S12000049")]
    [InlineData("s12000049", "S12000049")]
    [InlineData("S12000046", "S12000049")]
    [InlineData("S12000015", "S12000047")]
    [InlineData("S12000044", "S12000050")]
    public async Task Finds_an_lep_by_current_or_retired_code(string code, string expected)
    {
        using var client = app.CreateClient();

        var lep = await client.GetFromJsonAsync<LepDto>($"/api/v1/leps/{code}");

        Assert.Equal(expected, lep!.Code);
    }

    [Fact]
    public async Task An_unknown_code_answers_404()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/v1/leps/S12999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

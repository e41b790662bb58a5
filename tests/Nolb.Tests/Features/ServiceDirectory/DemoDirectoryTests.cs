using Nolb.Tests.Features.Participants;
using Nolb.Tests.Infrastructure;
using Nolb.Web.Infrastructure;

namespace Nolb.Tests.Features.ServiceDirectory;

public sealed class DemoDirectoryTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task The_demo_leps_have_a_directory_with_gaps_and_the_demo_partner_has_referrals_waiting()
    {
        using var manager = await app.PageClientAsync($"manager@fife.{DemoData.EmailDomain}", DemoData.Password);
        using var partner = await app.PageClientAsync($"partner@glasgow.{DemoData.EmailDomain}", DemoData.Password);

        var directory = await manager.PageTextAsync("/Directory");
        var map = await manager.PageTextAsync("/Directory/SupplyMap");
        var inbox = await partner.PageTextAsync("/Referrals/Inbox");

        Assert.Contains("Fife Employability Key Worker Service", directory, StringComparison.Ordinal);
        Assert.Contains("Careers Information, Advice and Guidance", directory, StringComparison.Ordinal);
        Assert.DoesNotContain("Glasgow City Employability Key Worker Service", directory, StringComparison.Ordinal);
        Assert.Contains("Gap", map, StringComparison.Ordinal);
        Assert.Contains("Overdue", inbox, StringComparison.Ordinal);
    }
}

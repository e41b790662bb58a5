using Nolb.Web.Infrastructure;

namespace Nolb.Tests.Infrastructure;

public sealed class CommandLineTests
{
    [Fact]
    public void Migrate_is_a_command_and_is_not_passed_to_the_host()
    {
        var command = CommandLine.Parse(["migrate", "--urls", "http://localhost:5000"]);

        Assert.True(command.Migrate);
        Assert.Equal(["--urls", "http://localhost:5000"], command.HostArguments);
    }

    [Fact]
    public void Demo_becomes_the_demo_setting()
    {
        var command = CommandLine.Parse(["--demo"]);

        Assert.False(command.Migrate);
        Assert.Equal(["--Nolb:Demo=true"], command.HostArguments);
    }
}

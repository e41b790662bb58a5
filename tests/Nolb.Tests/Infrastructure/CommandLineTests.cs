using Nolb.Web.Infrastructure;

namespace Nolb.Tests.Infrastructure;

public sealed class CommandLineTests
{
    private static readonly string[] HostArguments = ["--urls", "http://localhost:5000"];

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

    [Fact]
    public void Backup_restore_and_retention_take_their_arguments_and_leave_the_rest_to_the_host()
    {
        var backup = CommandLine.Parse(["backup", "/tmp/nolb.bak", "--urls", "http://localhost:5000"]);
        var restore = CommandLine.Parse(["restore", "nolb.dump"]);
        var retention = CommandLine.Parse(["retention", "--dry-run"]);

        Assert.Equal("/tmp/nolb.bak", backup.BackupTo);
        Assert.Equal(HostArguments, backup.HostArguments);
        Assert.Equal("nolb.dump", restore.RestoreFrom);
        Assert.Empty(restore.HostArguments);
        Assert.True(retention.Retention && retention.DryRun);
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(["backup"]));
    }
}

namespace Nolb.Web.Infrastructure;

/// <summary>
/// The words Nolb understands on its command line besides ASP.NET Core's own settings: <c>migrate</c> (apply
/// migrations, seed reference data, exit), <c>--demo</c> (add demo data), <c>backup &lt;file&gt;</c> and
/// <c>restore &lt;file&gt;</c> (see <see cref="DatabaseBackup"/>), and <c>retention [--dry-run]</c> (run the retention
/// policy now and print what it did).
/// </summary>
public sealed record CommandLine(bool Migrate, string[] HostArguments)
{
    public string? BackupTo { get; init; }
    public string? RestoreFrom { get; init; }
    public bool Retention { get; init; }
    public bool DryRun { get; init; }

    public static CommandLine Parse(string[] args)
    {
        string? backup = null, restore = null;
        var retention = false;
        var dryRun = false;
        var migrate = false;
        var host = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.Equals("migrate", StringComparison.OrdinalIgnoreCase))
            {
                migrate = true;
            }
            else if (arg.Equals("backup", StringComparison.OrdinalIgnoreCase) || arg.Equals("restore", StringComparison.OrdinalIgnoreCase))
            {
                var file = i + 1 < args.Length && !args[i + 1].StartsWith('-') ? args[++i]
                    : throw new ArgumentException($"`{arg}` needs a file name, for example `{arg} nolb-backup.db` (SQLite) or `{arg} nolb.dump` (PostgreSQL).");
                (backup, restore) = arg.Equals("backup", StringComparison.OrdinalIgnoreCase) ? (file, restore) : (backup, file);
            }
            else if (arg.Equals("retention", StringComparison.OrdinalIgnoreCase))
            {
                retention = true;
            }
            else if (arg.Equals("--dry-run", StringComparison.OrdinalIgnoreCase))
            {
                dryRun = true;
            }
            else
            {
                host.Add(arg.Equals("--demo", StringComparison.OrdinalIgnoreCase) ? "--Nolb:Demo=true" : arg);
            }
        }

        return new CommandLine(migrate, host.ToArray()) { BackupTo = backup, RestoreFrom = restore, Retention = retention, DryRun = dryRun };
    }
}

namespace Nolb.Web.Infrastructure;

/// <summary>
/// The two words Nolb understands on its command line besides ASP.NET Core's own settings:
/// <c>migrate</c> (apply migrations, seed reference data, exit) and <c>--demo</c> (add demo data).
/// </summary>
public sealed record CommandLine(bool Migrate, string[] HostArguments)
{
    public static CommandLine Parse(string[] args)
    {
        var migrate = args.Contains("migrate", StringComparer.OrdinalIgnoreCase);
        var host = args
            .Where(a => !a.Equals("migrate", StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Equals("--demo", StringComparison.OrdinalIgnoreCase) ? "--Nolb:Demo=true" : a)
            .ToArray();
        return new CommandLine(migrate, host);
    }
}

using Nolb.Web.Data;
using Nolb.Web.Features;
using Nolb.Web.Features.DataRights;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;
using Serilog;

// `migrate` applies database migrations and exits (how PostgreSQL is upgraded); `--demo` adds demo data;
// `backup <file>` / `restore <file>` copy the whole database out and back; `retention [--dry-run]` runs the retention policy now.
var command = CommandLine.Parse(args);

var builder = WebApplication.CreateBuilder(command.HostArguments);
builder.Host.UseSerilog((context, logger) => logger.ReadFrom.Configuration(context.Configuration)
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));
builder.Services.AddNolbDatabase(builder.Configuration);
builder.Services.AddNolbSecurity(builder.Environment);
builder.Services.AddNolbWeb(builder.Configuration, builder.Environment);

var app = builder.Build();
if (command.BackupTo is { } backupTo)
{
    await DatabaseBackup.BackupAsync(app.Configuration.Provider(), app.Configuration.MainConnectionString(), backupTo);
    Console.WriteLine($"Backed up the database to {Path.GetFullPath(backupTo)}.");
    return 0;
}

if (command.RestoreFrom is { } restoreFrom)
{
    await DatabaseBackup.RestoreAsync(app.Configuration.Provider(), app.Configuration.MainConnectionString(), restoreFrom);
    Console.WriteLine($"Restored the database from {Path.GetFullPath(restoreFrom)}.");
    return 0;
}

app.UseNolbWeb();
app.MapNolbApi();

if (!await DatabaseStartup.TryPrepareAsync(app, migrate: command.Migrate))
{
    return 1;
}

if (command.Retention)
{
    using var scope = app.Services.CreateScope();
    var report = await scope.ServiceProvider.GetRequiredService<RetentionRun>().RunAsync(command.DryRun, CancellationToken.None);
    Console.WriteLine(report.Summary);
    foreach (var record in report.Participants)
    {
        Console.WriteLine($"  {record.Reference} ({record.Lep}): {record.Rule}");
    }
}
else if (!command.Migrate)
{
    await app.RunAsync();
}

return 0;

public partial class Program;

using Nolb.Web.Data;
using Nolb.Web.Features;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;
using Serilog;

// `migrate` applies database migrations and exits (how PostgreSQL is upgraded); `--demo` adds demo data.
var command = CommandLine.Parse(args);

var builder = WebApplication.CreateBuilder(command.HostArguments);
builder.Host.UseSerilog((context, logger) => logger.ReadFrom.Configuration(context.Configuration)
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));
builder.Services.AddNolbDatabase(builder.Configuration);
builder.Services.AddNolbSecurity(builder.Environment);
builder.Services.AddNolbWeb(builder.Configuration);

var app = builder.Build();
app.UseNolbWeb();
app.MapNolbApi();

await DatabaseStartup.PrepareAsync(app, migrate: command.Migrate);
if (!command.Migrate)
{
    await app.RunAsync();
}

public partial class Program;

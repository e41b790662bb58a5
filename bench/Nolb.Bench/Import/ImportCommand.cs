using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolb.Bench.Generate;
using Nolb.Web.Data;
using Nolb.Web.Domain.CaseloadImport;
using Nolb.Web.Domain.Interventions;
using Nolb.Web.Features.CaseloadImport;
using Nolb.Web.Security;

namespace Nolb.Bench.Import;

/// <summary>
/// <c>import</c>: a caseload file of <c>--rows</c> rows (50,000 by default, the size issue 29 names) in Nolb's template,
/// checked (dry run) and then imported by the app's own importer into a fresh database, timed, with the peak managed heap
/// and the process's peak working set of each step, so it shows whether memory grows with the file.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(BenchOptions options, TextWriter output)
    {
        var rows = options.Number("rows", 50_000);
        var people = Math.Max(1, rows / CaseloadFileGenerator.RowsPerPerson);
        var connection = options.Get("connection") ?? "Data Source=bench-data/nolb-import-bench.db";
        if (options.Database == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory("bench-data");
        }

        await GenerateCommand.RecreateAsync(options.Database, connection);
        await using (var db = GenerateCommand.Context(options.Database, connection))
        {
            await db.Database.MigrateAsync();
            await ReferenceDataSeeder.SeedAsync(db);
        }

        await using var app = new BenchApp(options.Database, connection, kestrel: false);
        app.Start();
        var (manager, keyWorker) = await UsersAsync(app);
        var folder = app.Services.GetRequiredService<ImportWorkFolder>();
        var run = new ImportRun
        {
            LepId = manager.LepId!.Value,
            StartedByUserId = manager.Id,
            FileName = $"bench-{rows}.csv",
            CreatedAt = DateTime.UtcNow,
            ColumnMapping = System.Text.Json.JsonSerializer.Serialize(CaseloadFileGenerator.Header.ToDictionary(h => h, h => h)),
        };
        var path = folder.UploadPath(run.Id, run.FileName);
        await using (var writer = new StreamWriter(path))
        {
            await CaseloadFileGenerator.WriteCsvAsync(writer, CaseloadFileGenerator.Rows("bench", people, keyWorker.Email!, AnnexOneCatalogue.BetterOffInWork));
        }

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NolbDbContext>();
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"File of {people * CaseloadFileGenerator.RowsPerPerson:N0} rows ({new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MB) for {people:N0} people, {options.Database}"));
        await output.WriteLineAsync("| Step | Time | Peak managed heap above start | Peak working set | Created | Refused |");
        await output.WriteLineAsync("|---|---|---|---|---|---|");
        foreach (var commit in new[] { false, true, true })
        {
            var (time, heap) = await MeasureAsync(() => ImportRunner.RunAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), run.Id, commit, null, CancellationToken.None));
            using var scope = app.Services.CreateScope();
            var done = await scope.ServiceProvider.GetRequiredService<NolbDbContext>().ImportRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {(commit ? done.Unchanged > 0 ? "import again (unchanged)" : "import" : "dry run")} | {time.TotalSeconds:0.0} s | {heap:0.0} MB | {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} MB | {done.Created:N0} | {done.Refused:N0} |"));
            if (commit && done.Status == ImportRunStatus.Imported)
            {
                // The upload is deleted once imported; put it back to time importing the same file again.
                await using var writer = new StreamWriter(path);
                await CaseloadFileGenerator.WriteCsvAsync(writer, CaseloadFileGenerator.Rows("bench", people, keyWorker.Email!, AnnexOneCatalogue.BetterOffInWork));
                await ResetAsync(app, run.Id);
            }
        }

        return 0;
    }

    private static async Task ResetAsync(BenchApp app, Guid runId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NolbDbContext>();
        var run = await db.ImportRuns.SingleAsync(r => r.Id == runId);
        run.Status = ImportRunStatus.Checked;
        await db.SaveChangesAsync();
    }

    private static async Task<(TimeSpan Time, double PeakMegabytes)> MeasureAsync(Func<Task> step)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var start = GC.GetTotalMemory(forceFullCollection: true);
        var peak = start;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(5, CancellationToken.None);
            }
        });
        var clock = Stopwatch.StartNew();
        await step();
        var time = clock.Elapsed;
        await sampling.CancelAsync();
        await sampler;
        return (time, (peak - start) / 1024.0 / 1024.0);
    }

    private static async Task<(NolbUser Manager, NolbUser KeyWorker)> UsersAsync(BenchApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NolbDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NolbUser>>();
        var glasgow = await db.Leps.Where(l => l.Code == BenchWorld.Glasgow).Select(l => l.Id).SingleAsync();
        async Task<NolbUser> CreateAsync(Role role, string email)
        {
            var user = new NolbUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role.DisplayName(), Role = role, LepId = glasgow, CreatedAt = DateTime.UtcNow };
            var result = await users.CreateAsync(user, BenchWorld.Password);
            return result.Succeeded ? user : throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return (await CreateAsync(Role.LepManager, "import-manager@bench.nolb"), await CreateAsync(Role.KeyWorker, "import-keyworker@bench.nolb"));
    }
}

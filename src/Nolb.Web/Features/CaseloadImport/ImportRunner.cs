using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.CaseloadImport;
using Nolb.Web.Security;

namespace Nolb.Web.Features.CaseloadImport;

/// <summary>
/// Where uploaded caseload files wait between the wizard's steps, and their reports. Set "Nolb:CaseloadImport:Folder"
/// to a folder only Nolb can read (the files hold personal data); each upload is deleted once it is imported.
/// </summary>
public sealed class ImportWorkFolder
{
    public ImportWorkFolder(IConfiguration configuration)
    {
        Root = configuration["Nolb:CaseloadImport:Folder"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "nolb-caseload-imports");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string UploadPath(Guid runId, string fileName) =>
        Path.Combine(Root, $"{runId:N}{(ImportFile.IsWorkbook(fileName) ? ".xlsx" : ".csv")}");

    public string ReportPath(Guid runId) => Path.Combine(Root, $"{runId:N}.report.csv");

    public void DeleteUpload(Guid runId)
    {
        foreach (var extension in new[] { ".xlsx", ".csv" })
        {
            File.Delete(Path.Combine(Root, $"{runId:N}{extension}"));
        }
    }
}

/// <summary>How far a check or import has gone, for the progress bar (rows read, of rows to read).</summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<Guid, (int Done, int Total)> runs = new();

    public (int Done, int Total)? Of(Guid runId) => runs.TryGetValue(runId, out var p) ? p : null;

    internal IProgress<int> For(Guid runId, int total) => new Reporter(this, runId, total);

    internal void Finish(Guid runId) => runs.TryRemove(runId, out _);

    private sealed class Reporter(ImportProgress owner, Guid runId, int total) : IProgress<int>
    {
        public void Report(int value) => owner.runs[runId] = (value, total);
    }
}

/// <summary>
/// Runs checks and imports one at a time, away from the request, so a 50,000-row file shows a progress bar instead of
/// a request that times out. Each runs in a scope of its own, as the manager who started it (so the audit trail names
/// them and the source file). If the server stops part-way, the transaction rolls back and the run says so.
/// </summary>
public sealed class ImportRunner(IServiceScopeFactory scopes, ImportProgress progress, ILogger<ImportRunner> logger) : BackgroundService
{
    private readonly Channel<(Guid RunId, bool Commit)> queue = Channel.CreateUnbounded<(Guid, bool)>();

    public ValueTask EnqueueAsync(Guid runId, bool commit) => queue.Writer.WriteAsync((runId, commit));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (runId, commit) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(scopes, runId, commit, progress, stoppingToken);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The run records what went wrong for the manager; the log keeps the detail for support.
                logger.LogError(e, "Caseload import {RunId} failed", runId);
            }
        }
    }

    /// <summary>One check or import, in its own scope, as the user who started it; what the tests and the bench call too.</summary>
    public static async Task RunAsync(IServiceScopeFactory scopes, Guid runId, bool commit, ImportProgress? progress, CancellationToken ct, IProgress<int>? observer = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<NolbDbContext>();
        var run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        var user = await db.Users.AsNoTracking().Include(u => u.Lep).SingleAsync(u => u.Id == run.StartedByUserId, ct);
        // The manager passed sign-in (their second factor included) to start the run; the run acts as them.
        services.GetRequiredService<CurrentUser>().SignedIn(user, withTwoFactors: true);
        services.GetRequiredService<ImportSource>().Description = $"caseload import {run.Id:N} of file \"{run.FileName}\"";
        var reporter = progress?.For(runId, Math.Max(1, run.Rows) * Enum.GetValues<ImportRecordKind>().Length);
        try
        {
            await services.GetRequiredService<CaseloadImporter>().RunAsync(runId, commit, observer ?? reporter, ct);
        }
        finally
        {
            progress?.Finish(runId);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Measurement.Reference;

/// <summary>
/// Replaces the current dataset of a kind with a new one, all or nothing, in one transaction. The new dataset
/// (source, date, who, how many rows) goes through the audit trail; its rows are written in batches without a
/// line each.
/// </summary>
public sealed class ReferenceDataLoader(NolbDbContext db, CurrentUser user, TimeProvider clock)
{
    private const int BatchSize = 5000;

    public sealed record Details(string Source, DateOnly FiguresDate);

    public Task<ReferenceDataset?> CurrentAsync(ReferenceDataKind kind, CancellationToken ct) =>
        db.ReferenceDatasets.AsNoTracking().SingleOrDefaultAsync(d => d.Kind == kind, ct);

    public async Task<ReferenceDataset> ReplaceAsync<TRow>(
        ReferenceDataKind kind, Details details, IReadOnlyList<Func<Guid, TRow>> rows, CancellationToken ct)
        where TRow : class, IReferenceDataRow
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var old = db.ReferenceDatasets.Where(d => d.Kind == kind).Select(d => d.Id);
        await db.PopulationFigures.Where(p => old.Contains(p.DatasetId)).ExecuteDeleteAsync(ct);
        await db.SimdPostcodes.Where(p => old.Contains(p.DatasetId)).ExecuteDeleteAsync(ct);
        await db.ReferenceDatasets.Where(d => d.Kind == kind).ExecuteDeleteAsync(ct);

        var dataset = new ReferenceDataset
        {
            Kind = kind,
            Source = details.Source,
            FiguresDate = details.FiguresDate,
            LoadedAt = clock.GetUtcNow().UtcDateTime,
            LoadedByUserId = user.Id,
            LoadedBy = user.Email,
            RowCount = rows.Count,
        };
        db.ReferenceDatasets.Add(dataset);
        await db.SaveChangesAsync(ct);

        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var batch in rows.Chunk(BatchSize))
            {
                db.Set<TRow>().AddRange(batch.Select(make => make(dataset.Id)));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        await transaction.CommitAsync(ct);
        return dataset;
    }
}

/// <summary>What loading a reference file gave: the new dataset, or the problems that stopped it (and changed nothing).</summary>
public sealed record ImportOutcome(ReferenceDataset? Dataset, IReadOnlyList<string> Problems);

/// <summary>A kind of reference data loaded from a CSV file (population figures, the SIMD lookup).</summary>
public interface IReferenceImport
{
    ReferenceDataKind Kind { get; }

    Task<ImportOutcome> LoadAsync(Stream file, ReferenceDataLoader.Details details, CancellationToken ct);
}

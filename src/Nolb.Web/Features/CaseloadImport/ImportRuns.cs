using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.CaseloadImport;
using Nolb.Web.Security;

namespace Nolb.Web.Features.CaseloadImport;

/// <summary>The wizard's shared reads: a run of the user's own LEP (another LEP's answers 404), and the fields with the catalogue.</summary>
public sealed class ImportRuns(NolbDbContext db, CurrentUser currentUser)
{
    public NolbDbContext Db => db;

    public Task<ImportRun?> FindAsync(Guid id, CancellationToken ct) =>
        currentUser.LepId is { } lepId ? db.ImportRuns.SingleOrDefaultAsync(r => r.Id == id && r.LepId == lepId, ct) : Task.FromResult<ImportRun?>(null);

    public async Task<IReadOnlyList<ImportField>> FieldsAsync(CancellationToken ct) =>
        ImportFields.WithCatalogue((await db.InterventionTypes.AsNoTracking().OrderBy(t => t.Code).Select(t => new { t.Code, t.Name }).ToListAsync(ct))
            .Select(t => (t.Code, t.Name)));

    /// <summary>The fields a run's rows can use: all of them for a mixed file, else those of its one kind.</summary>
    public static IEnumerable<ImportField> For(ImportRun run, IEnumerable<ImportField> fields) =>
        run.Holds is { } kind ? fields.Where(f => f.Name != ImportFields.RecordType && f.Kinds.Contains(kind)) : fields;
}

using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Features.Vacancies;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Admin.Occupations;

/// <summary>
/// Replaces the SOC 2020 list with the one in a file, all or nothing: the whole file is checked first, and the old
/// list is swapped for the new one in one transaction with a record of where it came from. Vacancies and outcomes keep
/// their codes; a code missing from the new list is still shown, as its code.
/// </summary>
public sealed class OccupationListImport(NolbDbContext db, CurrentUser currentUser, OccupationCatalogue catalogue, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The most the workbook may unpack to: the ONS workbook is a few MB unpacked; a zip bomb is refused before it is read.</summary>
    public const long MaxExpandedBytes = 25 * 1024 * 1024;

    public sealed record Outcome(int UnitGroups, IReadOnlyList<string> Problems)
    {
        public bool Succeeded => Problems.Count == 0;
    }

    public async Task<Outcome> ImportAsync(Stream file, string fileName, long length, string? source, CancellationToken ct)
    {
        var problems = new List<string>();
        source = source?.Trim();
        if (string.IsNullOrEmpty(source))
        {
            problems.Add("Say where the list comes from, e.g. \"ONS SOC 2020 Volume 1, version of 16 April 2025\"");
        }
        else if (source.Length > OccupationListLoad.SourceLength)
        {
            problems.Add($"The source is longer than {OccupationListLoad.SourceLength} characters");
        }

        if (length > MaxBytes)
        {
            problems.Add("The file is larger than 10 MB. The ONS workbook is much smaller: check you chose the right file");
        }

        if (problems.Count > 0)
        {
            return new Outcome(0, problems);
        }

        await using var buffer = await BoundedUpload.ReadAsync(file, MaxBytes, ct);
        if (buffer is null)
        {
            return new Outcome(0, [BoundedUpload.TooLarge(MaxBytes)]);
        }

        if (BoundedUpload.ArchiveProblem(buffer, MaxExpandedBytes) is { } archiveProblem)
        {
            return new Outcome(0, [archiveProblem]);
        }

        var read = OccupationListFile.Read(buffer, fileName);
        if (read.Problems.Count > 0)
        {
            return new Outcome(0, read.Problems);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.OccupationUnitGroups.ExecuteDeleteAsync(ct);
            db.OccupationUnitGroups.AddRange(read.UnitGroups);
            db.OccupationListLoads.Add(new OccupationListLoad
            {
                Source = source!,
                LoadedAt = clock.GetUtcNow().UtcDateTime,
                LoadedByUserId = currentUser.Id,
                UnitGroupCount = read.UnitGroups.Count,
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        catalogue.Invalidate();
        return new Outcome(read.UnitGroups.Count, []);
    }
}

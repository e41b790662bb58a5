using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Employers;

namespace Nolb.Web.Features.Vacancies;

/// <summary>
/// The SOC 2020 unit groups Nolb searches and names occupations from: the list an administrator loaded from the ONS
/// workbook, or, until one is loaded, the starter list shipped in <c>Reference/soc2020.csv</c>. Held in memory
/// because every vacancy and outcome page names occupations; a load replaces it at once in this process (another
/// server process picks up a new load within <see cref="RefreshAfter"/>).
/// </summary>
public sealed class OccupationCatalogue(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(10);

    /// <summary>The list in use and where it came from (<c>null</c> for the shipped starter list).</summary>
    public sealed record Snapshot(IReadOnlyList<(string Code, string Title)> UnitGroups, OccupationListLoad? Source, DateTimeOffset ReadAt)
    {
        public bool IsStarterList => Source is null;
    }

    private Snapshot? current;

    public Snapshot Current
    {
        get
        {
            var snapshot = current;
            if (snapshot is null || clock.GetUtcNow() - snapshot.ReadAt > RefreshAfter)
            {
                snapshot = Read();
                current = snapshot;
            }

            return snapshot;
        }
    }

    /// <summary>Forgets the list held in memory, so that the next use reads the one just loaded.</summary>
    public void Invalidate() => current = null;

    public string? TitleOf(string? code)
    {
        if (code is null)
        {
            return null;
        }

        var unit = Current.UnitGroups.FirstOrDefault(u => u.Code == code).Title;
        return unit ?? Occupations.MajorGroups.FirstOrDefault(m => m.Code == code).Title;
    }

    public string Describe(string? code) =>
        code is null ? "not recorded" : TitleOf(code) is { } title ? $"{code} {title}" : code;

    public IReadOnlyList<(string Code, string Title)> Search(string? text) => Occupations.Search(Current.UnitGroups, text);

    private Snapshot Read()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NolbDbContext>();
        var loaded = db.OccupationUnitGroups.AsNoTracking().OrderBy(o => o.Code).Select(o => new { o.Code, o.Title }).ToList();
        if (loaded.Count == 0)
        {
            return new Snapshot(Occupations.UnitGroups, null, clock.GetUtcNow());
        }

        var source = db.OccupationListLoads.AsNoTracking().OrderByDescending(l => l.LoadedAt).FirstOrDefault();
        return new Snapshot(loaded.Select(o => (o.Code, o.Title)).ToList(), source, clock.GetUtcNow());
    }
}

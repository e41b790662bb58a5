using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain;

namespace Nolb.Web.Data;

/// <summary>
/// Seeds the 32 council areas, one LEP each, from Reference/council-areas.csv (GSS codes as published by
/// National Records of Scotland). Idempotent: adds missing areas and corrects renamed ones.
/// </summary>
public static class ReferenceDataSeeder
{
    public static async Task SeedAsync(NolbDbContext db, CancellationToken cancellationToken = default)
    {
        var existing = await db.Leps.ToDictionaryAsync(l => l.Code, cancellationToken);
        foreach (var area in CouncilAreas())
        {
            if (!existing.TryGetValue(area.Code, out var lep))
            {
                db.Leps.Add(new Lep { Code = area.Code, Name = area.Name });
            }
            else if (lep.Name != area.Name)
            {
                lep.Name = area.Name;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await InterventionCatalogueSeeder.SeedAsync(db, cancellationToken);
    }

    public static IReadOnlyList<CouncilArea> CouncilAreas()
    {
        using var stream = typeof(ReferenceDataSeeder).Assembly.GetManifestResourceStream("Nolb.Web.Reference.council-areas.csv")
            ?? throw new InvalidOperationException("The council areas reference file is missing from the build.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.ToLowerInvariant(),
        });
        return csv.GetRecords<CouncilArea>().ToList();
    }

    public sealed record CouncilArea(string Code, string Name);
}

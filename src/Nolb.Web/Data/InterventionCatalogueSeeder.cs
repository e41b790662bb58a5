using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Interventions;

namespace Nolb.Web.Data;

/// <summary>
/// Seeds the Annex 1 intervention catalogue. Idempotent: adds categories and sub-types missing by code and
/// restores the plan's wording of seeded ones; entries an administrator added are left alone.
/// </summary>
public static class InterventionCatalogueSeeder
{
    public static async Task SeedAsync(NolbDbContext db, CancellationToken cancellationToken = default)
    {
        var categories = await db.InterventionCategories.Include(c => c.Types).ToDictionaryAsync(c => c.Code, cancellationToken);
        var order = 0;
        foreach (var seed in AnnexOneCatalogue.Categories)
        {
            order += 10;
            if (!categories.TryGetValue(seed.Code, out var category))
            {
                category = new InterventionCategory { Code = seed.Code, Name = seed.Name, Description = seed.Description, SortOrder = order };
                db.InterventionCategories.Add(category);
            }
            else
            {
                category.Name = seed.Name;
                category.Description = seed.Description;
            }

            var typeOrder = 0;
            foreach (var (code, name) in seed.Types)
            {
                typeOrder += 10;
                if (category.Types.SingleOrDefault(t => t.Code == code) is { } type)
                {
                    type.Name = name;
                }
                else
                {
                    category.Types.Add(new InterventionType { CategoryId = category.Id, Code = code, Name = name, SortOrder = typeOrder });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Interventions;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Admin.Interventions;

/// <summary>The intervention catalogue, and adding a category or a sub-type to it without code. Entries are never removed: interventions refer to them.</summary>
[Authorize(Policy = Permissions.ReferenceData.Manage)]
public sealed class IndexModel(NolbDbContext db) : PageModel
{
    public IReadOnlyList<InterventionCategory> Categories { get; private set; } = [];

    public IReadOnlyList<SelectListItem> CategoryChoices => Categories.Select(c => new SelectListItem(c.Name, c.Code)).ToList();

    [BindProperty]
    public TypeInput Input { get; set; } = new();

    [BindProperty]
    public CategoryInput NewCategory { get; set; } = new();

    public sealed class TypeInput
    {
        public string? CategoryCode { get; set; }
        public string? Name { get; set; }
    }

    public sealed class CategoryInput
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostTypeAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        var category = Categories.SingleOrDefault(c => c.Code == Input.CategoryCode);
        var name = Input.Name?.Trim();
        if (category is null)
        {
            ModelState.AddModelError("Input.CategoryCode", "Choose the category the new type belongs to");
        }

        if (string.IsNullOrEmpty(name) || name.Length > CatalogueCodes.NameLength)
        {
            ModelState.AddModelError("Input.Name", "Enter the name of the new type, 200 characters or fewer");
        }
        else if (category is not null && category.Types.Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Input.Name", "That category already has a type with this name");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = await FreeCodeAsync($"{category!.Code}.{CatalogueCodes.Slug(name!)}", ct);
        db.InterventionTypes.Add(new InterventionType { CategoryId = category.Id, Code = code, Name = name!, SortOrder = category.Types.Select(t => t.SortOrder).DefaultIfEmpty().Max() + 10 });
        await db.SaveChangesAsync(ct);
        TempData["Confirmation"] = $"Added \"{name}\" to {category.Name} (code {code}).";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCategoryAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        var name = NewCategory.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > CatalogueCodes.NameLength)
        {
            ModelState.AddModelError("NewCategory.Name", "Enter the name of the new category, 200 characters or fewer");
        }
        else if (Categories.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("NewCategory.Name", "There is already a category with this name");
        }

        if (NewCategory.Description is { Length: > 1000 })
        {
            ModelState.AddModelError("NewCategory.Description", "The description must be 1,000 characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = await FreeCodeAsync(CatalogueCodes.Slug(name!), ct);
        db.InterventionCategories.Add(new InterventionCategory
        {
            Code = code,
            Name = name!,
            Description = string.IsNullOrWhiteSpace(NewCategory.Description) ? null : NewCategory.Description.Trim(),
            SortOrder = Categories.Select(c => c.SortOrder).DefaultIfEmpty().Max() + 10,
        });
        await db.SaveChangesAsync(ct);
        TempData["Confirmation"] = $"Added the category \"{name}\" (code {code}). Add its types below.";
        return RedirectToPage();
    }

    /// <summary>Codes are unique across the catalogue; a clash gets a number on the end.</summary>
    private async Task<string> FreeCodeAsync(string code, CancellationToken ct)
    {
        code = code.Length == 0 ? "other" : code;
        var candidate = code;
        for (var n = 2; await db.InterventionTypes.AnyAsync(t => t.Code == candidate, ct) || await db.InterventionCategories.AnyAsync(c => c.Code == candidate, ct); n++)
        {
            candidate = $"{code}-{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        return candidate;
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Categories = await db.InterventionCategories.AsNoTracking().Include(c => c.Types).OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(ct);
}

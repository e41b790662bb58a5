using Microsoft.AspNetCore.Mvc.Rendering;
using Entry = Nolb.Web.Domain.Voice.YouSaidWeDid;

namespace Nolb.Web.Features.YouSaidWeDid;

/// <summary>The form shared by the add and change pages (<c>_YouSaidWeDidFields.cshtml</c>).</summary>
public sealed class YouSaidWeDidForm
{
    public string? YouSaid { get; set; }
    public string? WeDid { get; set; }
    public DateOnly? ChangedOn { get; set; }
    public List<string> Themes { get; set; } = [];
    public Guid? Version { get; set; }

    public YouSaidWeDidCommands.Details ToDetails() => new(YouSaid, WeDid, ChangedOn, Themes);

    public static YouSaidWeDidForm From(Entry e) => new() { YouSaid = e.YouSaid, WeDid = e.WeDid, ChangedOn = e.ChangedOn, Themes = e.Themes, Version = e.Version };

    /// <summary>The themes to choose from: the LEP's feedback themes with their comment counts, and any the entry already has.</summary>
    public static IReadOnlyList<SelectListItem> ThemeChoices(IReadOnlyDictionary<string, int> themes, IEnumerable<string> current) =>
        themes.Keys.Union(current, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(t => new SelectListItem(themes.TryGetValue(t, out var n) ? $"{t} ({Comments(n)})" : t, t))
            .ToList();

    public static string Comments(int n) => n == 1 ? "1 comment" : $"{n.ToString(System.Globalization.CultureInfo.InvariantCulture)} comments";
}

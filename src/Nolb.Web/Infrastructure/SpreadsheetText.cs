using System.Globalization;
using CsvHelper.Configuration;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// The one rule for text that leaves Nolb in a spreadsheet (CSV or .xlsx): a spreadsheet runs a cell starting
/// =, +, -, @, tab or carriage return as a formula (e.g. <c>=HYPERLINK(...)</c> that sends data away), so such
/// text is written with a leading apostrophe and stays text. Imports take the apostrophe back off, so a file
/// Nolb exported imports unchanged.
/// </summary>
public static class SpreadsheetText
{
    public const char EscapeCharacter = '\'';

    public static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static bool LooksLikeFormula(string? text) => text is { Length: > 0 } && FormulaStarts.Contains(text[0]);

    public static string Neutralise(string text) => LooksLikeFormula(text) ? EscapeCharacter + text : text;

    /// <summary>Text as an .xlsx cell holds it: <see cref="Neutralise"/>d, without characters XML cannot hold (<see cref="RefuseControlCharacters.XmlSafe"/>).</summary>
    public static string Cell(string text) => Neutralise(RefuseControlCharacters.XmlSafe(text));

    /// <summary>Takes back the apostrophe <see cref="Neutralise"/> put before text that looks like a formula.</summary>
    public static string? Restore(string? text) =>
        text is { Length: > 1 } && text[0] == EscapeCharacter && LooksLikeFormula(text[1..]) ? text[1..] : text;

    /// <summary>CsvHelper's settings for every CSV export: invariant culture and the same neutralising as <see cref="Neutralise"/>.</summary>
    public static CsvConfiguration CsvExport() => new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = FormulaStarts,
        InjectionEscapeCharacter = EscapeCharacter,
    };
}

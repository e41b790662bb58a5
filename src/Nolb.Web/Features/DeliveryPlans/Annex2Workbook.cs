using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Nolb.Web.Domain.DeliveryPlans;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Participants;
using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.DeliveryPlans;

/// <summary>
/// Annex 2 as an Excel workbook (.xlsx) in the template's eight columns: money as currency, volumes as whole numbers,
/// a totals row and a frozen header row. Reads a filled-in workbook back, row by row, for the import.
/// Text that a spreadsheet could take for a formula is neutralised by <see cref="SpreadsheetText"/>.
/// </summary>
public static class Annex2Workbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SheetName = "Annex 2";

    /// <summary>An optional ninth column the import also reads: the policy drivers, by the framework's words, separated by semicolons.</summary>
    public const string PolicyDriversColumn = "Policy Drivers";

    private const uint HeaderStyle = 1;
    private const uint MoneyStyle = 2;
    private const uint NumberStyle = 3;
    private const uint TextStyle = 4;
    private const uint TotalMoneyStyle = 5;
    private const uint TotalNumberStyle = 6;

    public static string FileName(PlanSnapshot s) => $"{new string(s.Title.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray())}-annex-2.xlsx";

    public static byte[] Write(PlanSnapshot s)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var header = new Row { RowIndex = 1 };
            var columns = PlanFramework.Current.Annex2Columns;
            for (var i = 0; i < columns.Count; i++)
            {
                header.Append(TextCell(Ref(i, 1), columns[i], HeaderStyle));
            }

            data.Append(header);
            uint rowIndex = 2;
            foreach (var r in s.Requirements)
            {
                var row = new Row { RowIndex = rowIndex };
                row.Append(
                    TextCell(Ref(0, rowIndex), r.TargetGroup, TextStyle),
                    TextCell(Ref(1, rowIndex), r.Rationale, TextStyle),
                    TextCell(Ref(2, rowIndex), string.Join("; ", r.DeliveryPartners), TextStyle),
                    NumberCell(Ref(3, rowIndex), r.Budget, MoneyStyle),
                    TextCell(Ref(4, rowIndex), string.Join("; ", r.SourcesOfInvestment.Select(x => x.Label())), TextStyle),
                    NumberCell(Ref(5, rowIndex), r.Volumes, NumberStyle),
                    TextCell(Ref(6, rowIndex), r.DeliveryMethod, TextStyle),
                    TextCell(Ref(7, rowIndex), r.OutcomeExpected, TextStyle));
                data.Append(row);
                rowIndex++;
            }

            var last = rowIndex - 1;
            var total = new Row { RowIndex = rowIndex };
            total.Append(
                TextCell(Ref(0, rowIndex), "Total", HeaderStyle),
                FormulaCell(Ref(3, rowIndex), $"SUM(D2:D{Math.Max(last, 2).ToString(CultureInfo.InvariantCulture)})", s.TotalBudget, TotalMoneyStyle),
                FormulaCell(Ref(5, rowIndex), $"SUM(F2:F{Math.Max(last, 2).ToString(CultureInfo.InvariantCulture)})", s.TotalVolumes, TotalNumberStyle));
            data.Append(total);

            var frozen = new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 1,
                TopLeftCell = "A2",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            }, new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0, TabSelected = true });
            var widths = new Columns(
                Column(1, 30), Column(2, 45), Column(3, 35), Column(4, 16), Column(5, 35), Column(6, 12), Column(7, 35), Column(8, 40));
            sheetPart.Worksheet = new Worksheet(frozen, widths, data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Cell TextCell(string reference, string text, uint style) =>
        new(new InlineString(new Text(SpreadsheetText.Cell(text)) { Space = SpaceProcessingModeValues.Preserve })) { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style };

    private static Cell NumberCell(string reference, decimal value, uint style) =>
        new(new CellValue(value.ToString(CultureInfo.InvariantCulture))) { CellReference = reference, DataType = CellValues.Number, StyleIndex = style };

    private static Cell FormulaCell(string reference, string formula, decimal value, uint style) =>
        new(new CellFormula(formula), new CellValue(value.ToString(CultureInfo.InvariantCulture))) { CellReference = reference, StyleIndex = style };

    private static Column Column(uint index, double width) => new() { Min = index, Max = index, Width = width, CustomWidth = true };

    private static string Ref(int column, uint row) => $"{(char)('A' + column)}{row.ToString(CultureInfo.InvariantCulture)}";

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "\"£\"#,##0.00" }) { Count = 1 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Arial" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Arial" })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat { FontId = 0 },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 164, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 3, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
            new CellFormat { NumberFormatId = 164, FontId = 1, ApplyNumberFormat = true, ApplyFont = true },
            new CellFormat { NumberFormatId = 3, FontId = 1, ApplyNumberFormat = true, ApplyFont = true })
        { Count = 7 });

    public sealed record ImportedRow(int RowNumber, RequirementDetails Details);

    public sealed record ReadResult(IReadOnlyList<ImportedRow> Rows, IReadOnlyList<string> Errors);

    /// <summary>
    /// Reads a filled-in Annex 2 workbook: the first sheet, a header row of the template's columns, then one row per
    /// requirement until the end or a "Total" row. Every problem is reported by row and column; partners are matched by
    /// organisation name among <paramref name="organisations"/>.
    /// </summary>
    public static ReadResult Read(Stream stream, IReadOnlyDictionary<string, Guid> organisations, IReadOnlySet<Guid> visible)
    {
        try
        {
            return ReadDocument(stream, organisations, visible);
        }
        catch (Exception e) when (BoundedUpload.IsUnreadableWorkbook(e))
        {
            // A part with a DTD, or damaged anywhere the reads below do not already check, is a bad file, not a server error.
            return new ReadResult([], ["The workbook is damaged and cannot be read. Open it in Excel, save it again as an Excel workbook (.xlsx) and try again"]);
        }
    }

    private static ReadResult ReadDocument(Stream stream, IReadOnlyDictionary<string, Guid> organisations, IReadOnlySet<Guid> visible)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or ArgumentException)
        {
            return new ReadResult([], ["The file is not an Excel workbook (.xlsx). Save it as an Excel workbook and try again"]);
        }

        using (document)
        {
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } sheetId)
            {
                return new ReadResult([], ["The workbook has no sheets. Put Annex 2 on the first sheet"]);
            }

            List<string> shared;
            List<Row> rows;
            try
            {
                shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
                rows = workbook.GetPartById(sheetId) is WorksheetPart sheetPart ? sheetPart.Worksheet.Descendants<Row>().ToList() : [];
            }
            catch (Exception e) when (e is System.Xml.XmlException or OpenXmlPackageException or InvalidDataException or ArgumentOutOfRangeException or KeyNotFoundException or InvalidOperationException)
            {
                // A damaged part (truncated or hand-edited XML) is a bad file, not a server error.
                return new ReadResult([], ["The workbook is damaged and cannot be read. Open it in Excel, save it again as an Excel workbook (.xlsx) and try again"]);
            }

            var columns = PlanFramework.Current.Annex2Columns;
            var header = rows.FirstOrDefault();
            var headerCells = header is null ? [] : Cells(header, shared);
            var errors = new List<string>();
            for (var i = 0; i < columns.Count; i++)
            {
                if (!string.Equals(headerCells.GetValueOrDefault(i)?.Trim(), columns[i], StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add($"Row 1, column {(char)('A' + i)}: the heading should be \"{columns[i]}\". Use the columns of the Annex 2 template in order");
                }
            }

            var hasDrivers = string.Equals(headerCells.GetValueOrDefault(8)?.Trim(), PolicyDriversColumn, StringComparison.OrdinalIgnoreCase);
            if (errors.Count > 0)
            {
                return new ReadResult([], errors);
            }

            var imported = new List<ImportedRow>();
            foreach (var row in rows.Skip(1))
            {
                var cells = Cells(row, shared);
                if (cells.Values.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                var number = (int)(row.RowIndex?.Value ?? 0);
                if (string.Equals(cells.GetValueOrDefault(0)?.Trim(), "Total", StringComparison.OrdinalIgnoreCase))
                {
                    break;
                }

                var rowErrors = new List<(string Field, string Message)>();
                var partners = new List<Guid>();
                foreach (var name in Split(cells.GetValueOrDefault(2)))
                {
                    if (organisations.TryGetValue(name, out var id))
                    {
                        partners.Add(id);
                    }
                    else
                    {
                        rowErrors.Add(("deliveryPartnerIds", $"\"{name}\" is not one of your partnership's organisations. Use its name as it is in Nolb, and separate partners with semicolons"));
                    }
                }

                var budgetText = cells.GetValueOrDefault(3);
                decimal? budget = ParseMoney(budgetText);
                if (budget is null && !string.IsNullOrWhiteSpace(budgetText))
                {
                    rowErrors.Add(("budget", $"\"{budgetText}\" is not an amount of money. Enter pounds, like 125000 or £125,000.50"));
                }

                var sources = new List<FundingStream>();
                foreach (var text in Split(cells.GetValueOrDefault(4)))
                {
                    var match = Enum.GetValues<FundingStream>().Where(f => string.Equals(f.Label(), text, StringComparison.OrdinalIgnoreCase) || string.Equals(f.ToString(), text, StringComparison.OrdinalIgnoreCase)).ToList();
                    if (match.Count == 1)
                    {
                        sources.Add(match[0]);
                    }
                    else
                    {
                        rowErrors.Add(("sourcesOfInvestment", $"\"{text}\" is not a source of investment. Use one of: {string.Join("; ", Enum.GetValues<FundingStream>().Select(f => f.Label()))}"));
                    }
                }

                var volumesText = cells.GetValueOrDefault(5);
                int? volumes = decimal.TryParse(volumesText?.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v == decimal.Truncate(v) && v is >= int.MinValue and <= int.MaxValue ? (int)v : null;
                if (volumes is null && !string.IsNullOrWhiteSpace(volumesText))
                {
                    rowErrors.Add(("volumes", $"\"{volumesText}\" is not a whole number of people"));
                }

                var drivers = new List<PolicyDriver>();
                if (hasDrivers)
                {
                    foreach (var text in Split(cells.GetValueOrDefault(8)))
                    {
                        var match = Enum.GetValues<PolicyDriver>().Where(p => string.Equals(p.Label(), text, StringComparison.OrdinalIgnoreCase) || string.Equals(p.ToString(), text, StringComparison.OrdinalIgnoreCase)).ToList();
                        if (match.Count == 1)
                        {
                            drivers.Add(match[0]);
                        }
                        else
                        {
                            rowErrors.Add(("policyDrivers", $"\"{text}\" is not one of the framework's policy drivers"));
                        }
                    }
                }

                var details = new RequirementDetails(SpreadsheetText.Restore(cells.GetValueOrDefault(0)), SpreadsheetText.Restore(cells.GetValueOrDefault(1)), partners, budget, sources, volumes,
                    SpreadsheetText.Restore(cells.GetValueOrDefault(6)), SpreadsheetText.Restore(cells.GetValueOrDefault(7)), drivers);
                var reported = rowErrors.Select(e => e.Field).ToHashSet();
                rowErrors.AddRange(PlanCommands.Check(details, visible).Where(e => !reported.Contains(e.Field)));
                errors.AddRange(rowErrors.Select(e => $"Row {number.ToString(CultureInfo.InvariantCulture)}, {ColumnOf(e.Field)}: {e.Message}"));
                imported.Add(new ImportedRow(number, details));
            }

            if (imported.Count == 0 && errors.Count == 0)
            {
                errors.Add("The workbook has no rows under the headings. Fill in one row for each service delivery requirement");
            }

            return new ReadResult(imported, errors);
        }
    }

    private static string ColumnOf(string field) => field switch
    {
        "targetGroup" => PlanFramework.Current.Annex2Columns[0],
        "rationale" => PlanFramework.Current.Annex2Columns[1],
        "deliveryPartnerIds" => PlanFramework.Current.Annex2Columns[2],
        "budget" => PlanFramework.Current.Annex2Columns[3],
        "sourcesOfInvestment" => PlanFramework.Current.Annex2Columns[4],
        "volumes" => PlanFramework.Current.Annex2Columns[5],
        "deliveryMethod" => PlanFramework.Current.Annex2Columns[6],
        "outcomeExpected" => PlanFramework.Current.Annex2Columns[7],
        _ => PolicyDriversColumn,
    };

    private static decimal? ParseMoney(string? text)
    {
        var cleaned = text?.Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
        return decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? decimal.Round(value, 2) : null;
    }

    private static string[] Split(string? text) =>
        (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Dictionary<int, string> Cells(Row row, List<string> shared)
    {
        var cells = new Dictionary<int, string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var reference = cell.CellReference?.Value ?? "";
            var letters = new string(reference.TakeWhile(char.IsLetter).ToArray());
            if (letters.Length != 1)
            {
                continue;
            }

            var index = char.ToUpperInvariant(letters[0]) - 'A';
            cells[index] = cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s < shared.Count
                ? shared[s]
                : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? "" : cell.CellValue?.Text ?? "";
        }

        return cells;
    }
}

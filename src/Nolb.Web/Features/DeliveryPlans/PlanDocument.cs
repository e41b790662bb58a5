using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.DeliveryPlans;

/// <summary>
/// The whole plan as a Word document (.docx): the framework's headings (Heading 1 for parts, Heading 2 for sections),
/// paragraphs, and real tables for members, governance, SWOT, evidence and Annexes 2 and 3.
/// </summary>
public static class PlanDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string FileName(PlanSnapshot s) => $"{Safe(s.Title)}.docx";

    public static byte[] Write(PlanSnapshot s)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Para(s.Title, "Title"));
            body.Append(Para($"{s.Kind.Label()}, {PlanLabels.Period(s.PeriodStart, s.PeriodEnd)}"));
            foreach (var part in PlanFramework.Current.Parts)
            {
                body.Append(Para($"Section {part.Number.ToString(CultureInfo.InvariantCulture)}: {part.Title}", "Heading1"));
                foreach (var f in part.Sections)
                {
                    var section = s.Section(f.Key);
                    body.Append(Para($"{f.Key} {f.Title}", "Heading2"));
                    if (f.Key == "1.2" && s.Members.Count > 0)
                    {
                        body.Append(Table(["Organisation", "Role", "Remit"], s.Members.Select(m => new[] { m.Organisation, m.Role, m.Remit ?? "" })));
                    }

                    if (f.Key == "1.3" && s.Governance.Count > 0)
                    {
                        body.Append(Table(["Group", "Link", "How they work together"], s.Governance.Select(g => new[] { g.GroupName, g.Kind.Label(), g.Relationship ?? "" })));
                    }

                    foreach (var paragraph in section.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        body.Append(Para(paragraph));
                    }

                    if (section.HasSwot)
                    {
                        body.Append(Table(["SWOT", ""], [["Strengths", section.Strengths ?? ""], ["Weaknesses", section.Weaknesses ?? ""],
                            ["Opportunities", section.Opportunities ?? ""], ["Threats", section.Threats ?? ""]]));
                    }

                    foreach (var table in s.EvidenceFor(f.Key))
                    {
                        body.Append(Para(table.Caption, "Caption"));
                        body.Append(Table(table.Headers, table.Rows.Select(r => r.ToArray())));
                    }

                    if (f.Key == "6.5" && s.ReviewDate is { } review)
                    {
                        body.Append(Para($"Next review: {PlanLabels.Date(review)}"));
                    }
                }
            }

            body.Append(Para("Annex 2: Service Delivery Requirements and Approach", "Heading1"));
            var rows = s.Requirements.Select(r => new[]
            {
                r.TargetGroup, r.Rationale, string.Join(", ", r.DeliveryPartners), PlanLabels.Money(r.Budget),
                string.Join(", ", r.SourcesOfInvestment.Select(x => Participants.ParticipantLabels.Label(x))),
                r.Volumes.ToString("N0", CultureInfo.InvariantCulture), r.DeliveryMethod, r.OutcomeExpected,
            }).Append(["Total", "", "", PlanLabels.Money(s.TotalBudget), "", s.TotalVolumes.ToString("N0", CultureInfo.InvariantCulture), "", ""]);
            body.Append(Table(PlanFramework.Current.Annex2Columns, rows));
            body.Append(Para("Annex 3: National Performance Framework alignment", "Heading1"));
            body.Append(Table(["National Outcome", "No One Left Behind contribution"], s.Alignments.Select(a => new[] { a.Outcome.Label(), a.Contribution })));
            body.Append(new SectionProperties(new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1000, Bottom = 1000, Left = 1000, Right = 1000 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Para(string text, string? style = null)
    {
        var paragraph = new Paragraph(new Run(new Text(RefuseControlCharacters.XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }));
        if (style is not null)
        {
            paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        return paragraph;
    }

    private static Table Table(IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        var border = () => new BorderType[]
        {
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 },
        };
        var table = new Table(new TableProperties(new TableBorders(border()), new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        foreach (var h in headers)
        {
            header.Append(new TableCell(new Paragraph(new Run(new RunProperties(new Bold()), new Text(RefuseControlCharacters.XmlSafe(h))))));
        }

        table.Append(header);
        foreach (var row in rows)
        {
            var tr = new TableRow();
            foreach (var cell in row)
            {
                tr.Append(new TableCell(new Paragraph(new Run(new Text(RefuseControlCharacters.XmlSafe(cell)) { Space = SpaceProcessingModeValues.Preserve }))));
            }

            table.Append(tr);
        }

        return table;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        static Style Heading(string id, string name, int size, string? outline) => new(
            new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { Before = "240", After = "120" }, outline is null ? new KeepNext() : new OutlineLevel { Val = int.Parse(outline, CultureInfo.InvariantCulture) }),
            new StyleRunProperties(new Bold(), new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };
        styles.Styles = new Styles(
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(), new StyleRunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial" }, new FontSize { Val = "22" }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Title", "Title", 48, null),
            Heading("Heading1", "heading 1", 36, "0"),
            Heading("Heading2", "heading 2", 28, "1"),
            Heading("Caption", "caption", 20, null));
        styles.Styles.Save();
    }

    private static string Safe(string title) =>
        new string(title.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' ? c : '-').ToArray()).Trim() is { Length: > 0 } name ? name : "delivery-plan";
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Nolb.Tests.Features.Employers;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Features.DeliveryPlans;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Nolb.Tests.Features.DeliveryPlans;

/// <summary>The .docx and .xlsx exports opened and read back, and the Annex 2 import: row-by-row errors, a bad file changing nothing.</summary>
public sealed class PlanExportTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task The_plan_exports_as_a_word_document_with_the_framework_headings_and_annex_tables()
    {
        var (_, client) = await app.ManagerAsync();
        var partner = await app.OrganisationAsync(CaseData.UniqueName("Partner"));
        var id = await client.PlanAsync("Plan for export");
        await client.WriteSectionAsync(id, "1.1", new { text = "The partnership began in 2019." });
        await client.PostAsJsonAsync($"/api/v1/plans/{id}/annex2", PlanTestData.Row(partner));

        var response = await client.GetAsync($"/api/v1/plans/{id}/export?format=docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PlanDocument.ContentType, response.Content.Headers.ContentType!.MediaType);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var headings = body.Elements<W.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading1" or "Heading2")
            .Select(p => p.InnerText).ToList();
        Assert.Contains("Section 1: Introduction", headings);
        Assert.Contains("1.1 Background Information about the Local Employability Partnership", headings);
        Assert.Contains("6.5 Review", headings);
        Assert.Contains("Annex 2: Service Delivery Requirements and Approach", headings);
        Assert.Contains(body.Elements<W.Paragraph>(), p => p.InnerText == "The partnership began in 2019.");
        var tables = body.Elements<W.Table>().ToList();
        var annex2 = tables.Single(t => t.Elements<W.TableRow>().First().InnerText.StartsWith("Target Group", StringComparison.Ordinal));
        var cells = annex2.Elements<W.TableRow>().ElementAt(1).Elements<W.TableCell>().Select(c => c.InnerText).ToList();
        Assert.Equal("Parents in the child poverty priority groups", cells[0]);
        Assert.Equal("£125,000.50", cells[3]);
        Assert.Contains(tables, t => t.InnerText.Contains("Human Rights", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/plans/{id}/export?format=pdf")).StatusCode);
    }

    [Fact]
    public async Task Annex_2_exports_as_a_workbook_with_typed_cells_totals_a_frozen_header_and_no_formula_injection()
    {
        var (_, client) = await app.ManagerAsync();
        var partner = await app.OrganisationAsync(CaseData.UniqueName("Partner"));
        var id = await client.PlanAsync();
        await client.PostAsJsonAsync($"/api/v1/plans/{id}/annex2", PlanTestData.Row(partner, "=HYPERLINK(\"http://evil\")", 1000m, 10));
        await client.PostAsJsonAsync($"/api/v1/plans/{id}/annex2", PlanTestData.Row(partner, "Young people", 2500.25m, 15));

        var response = await client.GetAsync($"/api/v1/plans/{id}/annex2.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var part = document.WorkbookPart!.WorksheetParts.Single();
        var rows = part.Worksheet.Descendants<Row>().ToList();
        Assert.Equal(["Target Group", "Rationale for Intervention", "Delivery Partners", "Budget", "Source of Investment", "Volumes", "Delivery Method", "Outcome Expected"],
            rows[0].Elements<Cell>().Select(c => c.InnerText).ToList());
        var first = rows[1].Elements<Cell>().ToList();
        Assert.Equal("'=HYPERLINK(\"http://evil\")", first[0].InnerText);
        Assert.Null(first[0].CellFormula);
        Assert.Equal(CellValues.Number, first[3].DataType!.Value);
        Assert.Equal(1000m, decimal.Parse(first[3].CellValue!.Text, CultureInfo.InvariantCulture));
        var styles = document.WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var moneyFormat = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)first[3].StyleIndex!.Value).NumberFormatId!.Value;
        Assert.Contains("£", styles.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == moneyFormat).FormatCode!.Value, StringComparison.Ordinal);
        Assert.Equal(10m, decimal.Parse(first[5].CellValue!.Text, CultureInfo.InvariantCulture));
        var total = rows[3].Elements<Cell>().ToList();
        Assert.Equal("Total", total[0].InnerText);
        Assert.Equal("SUM(D2:D3)", total.Single(c => c.CellReference == "D4").CellFormula!.Text);
        Assert.Equal(3500.25m, decimal.Parse(total.Single(c => c.CellReference == "D4").CellValue!.Text, CultureInfo.InvariantCulture));
        var pane = part.Worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
    }

    [Fact]
    public async Task An_exported_workbook_imports_back_into_a_draft()
    {
        var (_, client) = await app.ManagerAsync();
        var partner = await app.OrganisationAsync(CaseData.UniqueName("Partner"));
        var id = await client.PlanAsync();
        await client.PostAsJsonAsync($"/api/v1/plans/{id}/annex2", PlanTestData.Row(partner, "-minus sign group", 1000m, 10));
        var workbook = await (await client.GetAsync($"/api/v1/plans/{id}/annex2.xlsx")).Content.ReadAsByteArrayAsync();
        var other = await client.PlanAsync("Another plan");

        var imported = await ImportAsync(client, other, workbook);

        var rows = await imported.OkJsonAsync();
        var row = rows.EnumerateArray().Single();
        Assert.Equal("-minus sign group", row.GetProperty("targetGroup").GetString());
        Assert.Equal(1000m, row.GetProperty("budget").GetDecimal());
        Assert.Equal(partner, row.GetProperty("deliveryPartnerIds")[0].GetGuid());
        Assert.Equal(["ParentalEmployabilitySupport", "NoOneLeftBehind"], row.GetProperty("sourcesOfInvestment").EnumerateArray().Select(s => s.GetString()).Order().Reverse().ToList());
    }

    [Fact]
    public async Task A_hand_filled_workbook_with_problems_is_refused_row_by_row_and_changes_nothing()
    {
        var (_, client) = await app.ManagerAsync();
        var partner = await app.OrganisationAsync(CaseData.UniqueName("Partner"));
        var id = await client.PlanAsync();
        await client.PostAsJsonAsync($"/api/v1/plans/{id}/annex2", PlanTestData.Row(partner, "Kept row"));
        var workbook = HandFilled(
            ["Parents", "Child poverty", "No Such Organisation", "lots", "No One Left Behind", "20", "Grant", "10 jobs"],
            ["", "Rationale", "", "5000", "Lottery", "2.5", "Grant", "Jobs"]);

        var response = await ImportAsync(client, id, workbook);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.StartsWith("Row 2, Delivery Partners: \"No Such Organisation\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Row 2, Budget: \"lots\" is not an amount of money", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Row 3, Target Group:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Row 3, Source of Investment: \"Lottery\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Row 3, Volumes: \"2.5\" is not a whole number", StringComparison.Ordinal));
        var rows = await (await client.GetAsync($"/api/v1/plans/{id}/annex2")).OkJsonAsync();
        Assert.Equal("Kept row", rows.EnumerateArray().Single().GetProperty("targetGroup").GetString());
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_or_has_the_wrong_headings_is_refused()
    {
        var (_, client) = await app.ManagerAsync();
        var id = await client.PlanAsync();

        var notExcel = await ImportAsync(client, id, "just some text"u8.ToArray());
        var wrongHeadings = await ImportAsync(client, id, HandFilled(header: ["Group", "Why"], rows: []));

        Assert.Equal(HttpStatusCode.BadRequest, notExcel.StatusCode);
        Assert.Contains(await ProblemsAsync(notExcel), p => p.Contains("not an Excel workbook", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, wrongHeadings.StatusCode);
        Assert.Contains("Row 1, column A: the heading should be \"Target Group\". Use the columns of the Annex 2 template in order", await ProblemsAsync(wrongHeadings));
    }

    private static async Task<List<string>> ProblemsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(body).RootElement;
        Assert.True(json.TryGetProperty("problems", out var problems), body);
        return problems.EnumerateArray().Select(p => p.GetString()!).ToList();
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, Guid id, byte[] workbook)
    {
        var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new MediaTypeHeaderValue(Annex2Workbook.ContentType);
        return await client.PostAsync($"/api/v1/plans/{id}/annex2/import", content);
    }

    /// <summary>A workbook as someone might fill it in by hand: shared strings, text where numbers belong.</summary>
    internal static byte[] HandFilled(params string[][] rows) => HandFilled(null, rows);

    internal static byte[] HandFilled(string[]? header, string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint index = 1;
            foreach (var values in new[] { header ?? PlanFramework.Current.Annex2Columns.ToArray() }.Concat(rows))
            {
                var row = new Row { RowIndex = index };
                for (var c = 0; c < values.Length; c++)
                {
                    shared.SharedStringTable.AppendChild(new SharedStringItem(new Text(values[c])));
                    var position = shared.SharedStringTable.Elements<SharedStringItem>().Count() - 1;
                    row.Append(new Cell
                    {
                        CellReference = $"{(char)('A' + c)}{index.ToString(CultureInfo.InvariantCulture)}",
                        DataType = CellValues.SharedString,
                        CellValue = new CellValue(position.ToString(CultureInfo.InvariantCulture)),
                    });
                }

                data.Append(row);
                index++;
            }

            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }
}

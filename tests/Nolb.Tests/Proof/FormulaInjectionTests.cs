using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using CsvHelper;
using FsCheck;
using FsCheck.Xunit;
using Nolb.Tests.Features.ServiceDirectory;
using Nolb.Web.Infrastructure;

namespace Nolb.Tests.Proof;

/// <summary>
/// Text a spreadsheet would run as a formula (=HYPERLINK(...) sending data away) leaves Nolb neutralised by one
/// rule, <see cref="SpreadsheetText"/>, in every CSV and .xlsx export, and comes back unchanged through the
/// import. The Annex 2 workbook's own test is PlanExportTests.Xlsx_export...; the quarterly return has no free
/// text (codes, dates and pseudonyms only) and writes through the same CSV settings.
/// </summary>
public sealed class FormulaInjectionTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private const string Hyperlink = "=HYPERLINK(\"http://x\",\"y\")";

    [Property(MaxTest = 300)]
    public bool A_neutralised_cell_never_starts_a_formula_and_restores_to_the_original(NonNull<string> generated)
    {
        var text = generated.Get;
        var neutralised = SpreadsheetText.Neutralise(text);
        var restorable = !(text.Length > 1 && text[0] == '\'' && SpreadsheetText.LooksLikeFormula(text[1..]));
        return !SpreadsheetText.LooksLikeFormula(neutralised) && (!restorable || SpreadsheetText.Restore(neutralised) == text);
    }

    [Property(MaxTest = 200)]
    public bool The_csv_settings_write_a_cell_exactly_as_the_shared_rule_does(NonNull<string> generated)
    {
        var text = generated.Get.Replace("\0", "", StringComparison.Ordinal);
        if (text.Length == 0)
        {
            return true; // An empty record is a blank line, which CSV readers skip: nothing to neutralise.
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, SpreadsheetText.CsvExport()))
        {
            csv.WriteField(text);
            csv.NextRecord();
        }

        using var reader = new CsvReader(new StringReader(writer.ToString()), CultureInfo.InvariantCulture);
        return reader.Read() && reader.GetField(0) == SpreadsheetText.Neutralise(text);
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+44 141 000 0000")]
    [InlineData("-2")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=cmd")]
    [InlineData("\r=cmd")]
    public void Every_formula_start_is_neutralised(string text) =>
        Assert.Equal("'" + text, SpreadsheetText.Neutralise(text));

    [Fact]
    public async Task The_hsds_csv_export_neutralises_a_formula_in_a_service_and_its_reimport_keeps_the_text()
    {
        var organisation = await app.OrganisationAsync();
        var service = await app.ServiceAsync(organisation, with: s =>
        {
            s.Name = Hyperlink;
            s.Description = "@evil";
            s.ContactPhone = "+44 141 496 0000";
        });
        using var admin = await app.AdminApiClientAsync();

        var zip = await admin.GetByteArrayAsync("/api/v1/directory/export?format=hsds-csv");
        var row = ServicesCsvRow(zip, service.Id);
        var reimport = new ByteArrayContent(zip);
        reimport.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var imported = await admin.PostAsync("/api/v1/directory/import", reimport);

        Assert.Equal("'" + Hyperlink, row["name"]);
        Assert.Equal("'@evil", row["description"]);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        var stored = await app.WithDbAsync(db => Task.FromResult(db.DirectoryServices.Single(s => s.Id == service.Id)));
        Assert.Equal(Hyperlink, stored.Name);
        Assert.Equal("@evil", stored.Description);
        Assert.Equal("+44 141 496 0000", stored.ContactPhone);
    }

    private static Dictionary<string, string> ServicesCsvRow(byte[] zip, Guid serviceId)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var reader = new CsvReader(new StreamReader(archive.GetEntry("services.csv")!.Open()), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        while (reader.Read())
        {
            if (reader.GetField("id") == serviceId.ToString())
            {
                return reader.HeaderRecord!.ToDictionary(h => h, h => reader.GetField(h)!);
            }
        }

        throw new Xunit.Sdk.XunitException($"services.csv has no row for {serviceId}");
    }
}

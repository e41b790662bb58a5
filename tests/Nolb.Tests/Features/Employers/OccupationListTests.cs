using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Employers;

/// <summary>
/// Loading the SOC 2020 list from the ONS workbook (its sheet and headings as ONS publishes them) or a CSV file:
/// the new list is what people search and what codes are named by; a file with any problem changes nothing.
/// </summary>
public sealed class OccupationListTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private const string Page = "/Admin/Occupations";

    /// <summary>Rows as the ONS workbook lays them out: each level of the classification on its own row, blank codes elsewhere.</summary>
    internal static readonly string[][] OnsRows =
    [
        ["1", "<blank>", "<blank>", "<blank>", "MANAGERS, DIRECTORS AND SENIOR OFFICIALS"],
        ["<blank>", "11", "<blank>", "<blank>", "CORPORATE MANAGERS AND DIRECTORS"],
        ["<blank>", "<blank>", "111", "<blank>", "Chief Executives and Senior Officials"],
        ["<blank>", "<blank>", "<blank>", "1111", "Chief executives and senior officials"],
        ["<blank>", "<blank>", "<blank>", "2135", "Cyber security professionals"],
        ["<blank>", "<blank>", "<blank>", "6135", "Care workers and home carers"],
        ["<blank>", "<blank>", "<blank>", "9263", "Kitchen and catering assistants"],
    ];

    [Fact]
    public async Task An_administrator_loads_the_ons_workbook_and_its_unit_groups_are_searched_and_named_everywhere()
    {
        using var admin = await AdminAsync();

        var loadsBefore = await app.CountAsync<OccupationListLoad>();

        var response = await UploadAsync(admin, OnsWorkbook(OnsRows), "soc2020volume1structureanddescriptionofunitgroupsexcel16042025.xlsx", "ONS SOC 2020 Volume 1, version of 16 April 2025");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(4, await app.CountAsync<OccupationUnitGroup>());
        Assert.Equal(loadsBefore + 1, await app.CountAsync<OccupationListLoad>());
        var load = await app.WithDbAsync(db => Task.FromResult(db.OccupationListLoads.OrderByDescending(l => l.LoadedAt).First()));
        Assert.Equal("ONS SOC 2020 Volume 1, version of 16 April 2025", load.Source);
        Assert.Equal(4, load.UnitGroupCount);

        var officer = await app.StaffAsync(Role.EmployerEngagementOfficer);
        using var api = await app.ApiClientAsync(officer.Email!);
        var found = await (await api.GetAsync("/api/v1/occupations?search=cyber")).OkJsonAsync();
        Assert.Equal("2135", Assert.Single(found.EnumerateArray()).GetProperty("code").GetString());
        var care = await (await api.GetAsync("/api/v1/occupations?search=5434")).OkJsonAsync();
        Assert.Empty(care.EnumerateArray()); // Chefs were in the starter list, not in the loaded one.

        using var pages = await app.PageClientAsync(officer.Email!);
        var search = await pages.PageTextAsync("/Vacancies/Occupations?search=security");
        Assert.Contains("Cyber security professionals", search, StringComparison.Ordinal);
        Assert.Contains("from ONS SOC 2020 Volume 1, version of 16 April 2025", search, StringComparison.Ordinal);

        var employer = await app.EmployerAsync();
        var vacancy = await (await api.PostAsync("/api/v1/vacancies", new
        {
            employerId = employer.Id,
            title = "Security analyst",
            socCode = "2135",
            postcode = "G1 1AA",
            hoursPerWeek = 35,
            hourlyPay = 18.50,
            contract = "Permanent",
        }, null)).OkJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Cyber security professionals", vacancy.GetProperty("occupation").GetString());
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_row_by_row_and_the_list_in_use_is_unchanged()
    {
        using var admin = await AdminAsync();
        await UploadAsync(admin, OnsWorkbook(OnsRows), "ons.xlsx", "ONS SOC 2020 Volume 1");
        var before = await app.CountAsync<OccupationUnitGroup>();
        var loadsBefore = await app.CountAsync<OccupationListLoad>();
        var csv = Encoding.UTF8.GetBytes("code,title\n1111,Chief executives and senior officials\n12a4,Not a code\n6135,Care workers and home carers\n6135,Care workers again\n7111,\n");

        var response = await UploadAsync(admin, csv, "list.csv", "Hand-made list");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nothing was loaded", page, StringComparison.Ordinal);
        Assert.Contains("Row 3: \"12a4\" is not a SOC 2020 unit group", page, StringComparison.Ordinal);
        Assert.Contains("Row 5: unit group 6135 appears more than once", page, StringComparison.Ordinal);
        Assert.Contains("Row 6: the title of unit group 7111 is missing", page, StringComparison.Ordinal);
        Assert.Equal(before, await app.CountAsync<OccupationUnitGroup>());
        Assert.Equal(loadsBefore, await app.CountAsync<OccupationListLoad>());
    }

    [Fact]
    public async Task A_workbook_without_the_ons_headings_or_a_file_that_is_not_a_workbook_changes_nothing()
    {
        using var admin = await AdminAsync();
        var before = await app.CountAsync<OccupationListLoad>();

        var noHeadings = await UploadAsync(admin, OnsWorkbook(OnsRows, headings: ["Code", "Name"]), "other.xlsx", "Somewhere");
        var notAWorkbook = await UploadAsync(admin, "just some text"u8.ToArray(), "fake.xlsx", "Somewhere");
        var noSource = await UploadAsync(admin, OnsWorkbook(OnsRows), "ons.xlsx", " ");

        Assert.Contains("has no heading row with the columns", WebUtility.HtmlDecode(await noHeadings.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("The file is not an Excel workbook (.xlsx)", WebUtility.HtmlDecode(await notAWorkbook.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Say where the list comes from", WebUtility.HtmlDecode(await noSource.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await app.CountAsync<OccupationListLoad>());
    }

    [Fact]
    public async Task Only_administrators_load_the_list()
    {
        var manager = await app.StaffAsync(Role.LepManager);
        using var client = await app.PageClientAsync(manager.Email!);

        var response = await client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    internal static async Task<HttpClient> AdminAsync(NolbAppFactory app) => await app.PageClientAsync((await app.CreateUserAsync(Role.Administrator)).Email!);

    private Task<HttpClient> AdminAsync() => AdminAsync(app);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName, string source)
    {
        var token = await client.AntiforgeryTokenAsync(Page);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(source), "Source" },
            { new ByteArrayContent(file), "Upload", fileName },
        };
        return await client.PostAsync(Page, content);
    }

    /// <summary>A workbook shaped like the ONS one: sheet "SOC2020 descriptions", headings broken over lines as ONS writes them.</summary>
    internal static byte[] OnsWorkbook(string[][] rows, string[]? headings = null)
    {
        headings ??= ["SOC\n2020 Major Group", "SOC\n2020 Sub-Major Group", "SOC\n2020 Minor Group", "SOC 2020 Unit Group", "SOC\n2020 \nGroup Title", "Group  Description"];
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint index = 1;
            foreach (var values in new[] { headings }.Concat(rows))
            {
                var row = new Row { RowIndex = index };
                for (var c = 0; c < values.Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{index.ToString(CultureInfo.InvariantCulture)}";
                    row.Append(values[c].All(char.IsAsciiDigit)
                        ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(values[c]) }
                        : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(values[c])) });
                }

                data.Append(row);
                index++;
            }

            sheet.Worksheet = new Worksheet(data);
            var cover = workbook.AddNewPart<WorksheetPart>();
            cover.Worksheet = new Worksheet(new SheetData());
            workbook.Workbook.AppendChild(new Sheets(
                new Sheet { Id = workbook.GetIdOfPart(cover), SheetId = 1, Name = "Cover sheet" },
                new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 2, Name = "SOC2020 descriptions" }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }
}

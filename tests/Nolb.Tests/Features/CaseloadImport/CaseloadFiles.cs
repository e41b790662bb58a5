using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolb.Web.Domain.CaseloadImport;
using Nolb.Web.Features.CaseloadImport;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.CaseloadImport;

/// <summary>Hand-made caseload files and a way to check or import one without the wizard's pages.</summary>
public static class CaseloadFiles
{
    public static readonly string[] Header =
    [
        "RecordType", "PersonRef", "EngagementRef", "RecordRef", "GivenName", "FamilyName", "DateOfBirth", "NationalInsuranceNumber",
        "PreferredContact", "EmploymentStatus", "Sex", "Ethnicity", "StartDate", "EndDate", "ReferralSource", "FundingStreams",
        "KeyWorkerEmail", "LeavingReason", "Stage", "Reason", "InterventionType", "DeliveredBy", "InterventionOutcome",
        "QualificationTitle", "QualificationScqfLevel", "QualificationAwardingBody", "OutcomeKind", "Organisation", "JobTitle",
        "SocCode", "HoursPerWeek", "HourlyPay", "Contract", "Check13Result", "Check13Date", "Check13Evidence",
    ];

    /// <summary>A row of the template's columns above, from name=value pairs.</summary>
    public static string[] Row(params (string Field, string Value)[] values)
    {
        var row = new string[Header.Length];
        Array.Fill(row, "");
        foreach (var (field, value) in values)
        {
            row[Array.IndexOf(Header, field)] = value;
        }

        return row;
    }

    public static string[] Person(string reference, string given, string family, string dateOfBirth = "31/03/1990", string status = "UnemployedUnder12Months") =>
        Row(("RecordType", "Person"), ("PersonRef", reference), ("GivenName", given), ("FamilyName", family), ("DateOfBirth", dateOfBirth),
            ("PreferredContact", "InPerson"), ("EmploymentStatus", status), ("Sex", "Female"), ("Ethnicity", "WhiteScottish"));

    public static string[] Engagement(string person, string reference, string start = "01/04/2024", string keyWorker = "", string end = "", string leaving = "") =>
        Row(("RecordType", "Engagement"), ("PersonRef", person), ("EngagementRef", reference), ("StartDate", start), ("ReferralSource", "Jobcentre Plus"),
            ("FundingStreams", "NoOneLeftBehind; Young Person's Guarantee"), ("KeyWorkerEmail", keyWorker), ("EndDate", end), ("LeavingReason", leaving));

    public static string[] Stage(string engagement, int stage, string date) =>
        Row(("RecordType", "Stage"), ("EngagementRef", engagement), ("Stage", stage.ToString(CultureInfo.InvariantCulture)), ("StartDate", date));

    public static string[] Intervention(string engagement, string reference, string type, string start = "2024-05-01") =>
        Row(("RecordType", "Intervention"), ("EngagementRef", engagement), ("RecordRef", reference), ("InterventionType", type), ("DeliveredBy", "OwnTeam"),
            ("StartDate", start), ("EndDate", "2024-06-01"), ("InterventionOutcome", "Completed"), ("QualificationTitle", "Food hygiene"),
            ("QualificationScqfLevel", "5"), ("QualificationAwardingBody", "SQA"));

    public static string[] Outcome(string engagement, string reference, string start = "01/07/2024") =>
        Row(("RecordType", "Outcome"), ("EngagementRef", engagement), ("RecordRef", reference), ("OutcomeKind", "JobEntry"), ("StartDate", start),
            ("Organisation", "Kelvin Kitchens"), ("JobTitle", "Kitchen assistant"), ("SocCode", "9263"), ("HoursPerWeek", "20"), ("HourlyPay", "12.60"),
            ("Contract", "Permanent"), ("Check13Result", "Sustained"), ("Check13Date", "2024-10-01"), ("Check13Evidence", "Payslip"));

    public static byte[] Csv(IEnumerable<string[]> rows, string[]? header = null)
    {
        var text = new StringBuilder();
        foreach (var row in new[] { header ?? Header }.Concat(rows))
        {
            text.AppendLine(string.Join(',', row.Select(c => c.Contains(',') || c.Contains('"') ? $"\"{c.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : c)));
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A workbook with shared strings; a cell given as "=..." is written as a real formula (with a cached value that is not its text).</summary>
    public static byte[] Xlsx(IEnumerable<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint index = 0;
            var strings = new List<string>();
            foreach (var cells in new[] { Header }.Concat(rows))
            {
                var row = new Row { RowIndex = ++index };
                for (var i = 0; i < cells.Length; i++)
                {
                    if (cells[i].Length == 0)
                    {
                        continue;
                    }

                    var reference = i >= 26 ? $"A{(char)('A' + (i - 26))}{index}" : $"{(char)('A' + i)}{index}";
                    if (cells[i].StartsWith('='))
                    {
                        row.Append(new Cell { CellReference = reference, CellFormula = new CellFormula(cells[i][1..]), CellValue = new CellValue("2") });
                        continue;
                    }

                    strings.Add(cells[i]);
                    shared.SharedStringTable.Append(new SharedStringItem(new Text(cells[i])));
                    row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue((strings.Count - 1).ToString(CultureInfo.InvariantCulture)) });
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Caseload" }));
        }

        return stream.ToArray();
    }

    /// <summary>Stores the file as an upload of the manager with the template's columns mapped, and checks or imports it.</summary>
    public static async Task<ImportRun> RunAsync(this NolbAppFactory app, Guid managerId, byte[] file, bool commit, string fileName = "caseload.csv",
        Dictionary<string, Dictionary<string, string>>? values = null, bool importDuplicates = false, IProgress<int>? observer = null, CancellationToken ct = default)
    {
        var run = await app.WithDbAsync(async db =>
        {
            var manager = await db.Users.SingleAsync(u => u.Id == managerId);
            var run = new ImportRun
            {
                LepId = manager.LepId!.Value,
                StartedByUserId = managerId,
                FileName = fileName,
                CreatedAt = DateTime.UtcNow,
                ColumnMapping = System.Text.Json.JsonSerializer.Serialize(Header.ToDictionary(h => h, h => h)),
                ValueMapping = System.Text.Json.JsonSerializer.Serialize(values ?? []),
                ImportPossibleDuplicates = importDuplicates,
            };
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
            return run;
        });
        var folder = app.Services.GetRequiredService<ImportWorkFolder>();
        await File.WriteAllBytesAsync(folder.UploadPath(run.Id, fileName), file, ct);
        await app.RunAgainAsync(run.Id, commit, observer, ct);
        return await app.WithDbAsync(db => db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id));
    }

    /// <summary>A file of one kind with its own column names, mapped one to one onto the fields of the same names.</summary>
    public static async Task<ImportRun> RunKindAsync(this NolbAppFactory app, Guid managerId, byte[] file, ImportRecordKind? kind, string[] header,
        Dictionary<string, Dictionary<string, string>>? values = null)
    {
        var run = await app.WithDbAsync(async db =>
        {
            var manager = await db.Users.SingleAsync(u => u.Id == managerId);
            var run = new ImportRun
            {
                LepId = manager.LepId!.Value,
                StartedByUserId = managerId,
                FileName = "kind.csv",
                Holds = kind,
                CreatedAt = DateTime.UtcNow,
                ColumnMapping = System.Text.Json.JsonSerializer.Serialize(header.ToDictionary(h => h, h => h)),
                ValueMapping = System.Text.Json.JsonSerializer.Serialize(values ?? []),
            };
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
            return run;
        });
        await File.WriteAllBytesAsync(app.Services.GetRequiredService<ImportWorkFolder>().UploadPath(run.Id, run.FileName), file);
        await app.RunAgainAsync(run.Id, commit: true);
        return await app.WithDbAsync(db => db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id));
    }

    public static async Task RunAgainAsync(this NolbAppFactory app, Guid runId, bool commit, IProgress<int>? observer = null, CancellationToken ct = default) =>
        await ImportRunner.RunAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), runId, commit, null, ct, observer);

    public static List<CaseloadImporter.ReportLine> Report(this NolbAppFactory app, Guid runId)
    {
        var path = app.Services.GetRequiredService<ImportWorkFolder>().ReportPath(runId);
        using var reader = new StreamReader(path);
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<CaseloadImporter.ReportLine>().ToList();
    }

    public static async Task<(NolbUser Manager, NolbUser KeyWorker)> PeopleAsync(this NolbAppFactory app, string lep = NolbAppFactory.Glasgow) =>
        (await app.CreateUserAsync(Role.LepManager, lep), await app.CreateUserAsync(Role.KeyWorker, lep));

    /// <summary>Letters only (names and references of one test never meet another test's in the shared database).</summary>
    public static string Unique() => string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))));
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolb.Web.Domain;
using Nolb.Web.Domain.CaseloadImport;
using Nolb.Web.Domain.Interventions;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.CaseloadImport;
using Xunit.Abstractions;
using static Nolb.Tests.Features.CaseloadImport.CaseloadFiles;

namespace Nolb.Tests.Features.CaseloadImport;

/// <summary>
/// Caseload import: each step of the wizard, each refusal with its field and fix, idempotent re-import, a failure
/// part-way that leaves nothing written, and a generated file of a few thousand rows.
/// </summary>
public sealed partial class CaseloadImportTests(NolbAppFactory app, ITestOutputHelper output) : IClassFixture<NolbAppFactory>
{
    private const string Cooking = AnnexOneCatalogue.BetterOffInWork;

    private static IEnumerable<string[]> OneCase(string u, string keyWorker) =>
    [
        Person($"{u}-P1", "Morag", $"Imported{u}"),
        Engagement($"{u}-P1", $"{u}-E1", keyWorker: keyWorker),
        Stage($"{u}-E1", 2, "15/04/2024"),
        Stage($"{u}-E1", 4, "2024-06-15"),
        Intervention($"{u}-E1", $"{u}-I1", Cooking),
        Outcome($"{u}-E1", $"{u}-O1"),
    ];

    [Fact]
    public async Task A_whole_case_imports_through_the_domain_rules_and_every_record_is_audited_as_imported_from_its_file()
    {
        var u = Unique();
        var (manager, keyWorker) = await app.PeopleAsync();

        var run = await app.RunAsync(manager.Id, Csv(OneCase(u, keyWorker.Email!)), commit: true, fileName: $"legacy-{u}.csv");

        Assert.Equal(ImportRunStatus.Imported, run.Status);
        Assert.Equal((6, 6, 0, 0), (run.Rows, run.Created, run.Refused, run.PossibleDuplicates));
        var person = await app.WithDbAsync(db => db.Participants.Include(p => p.Engagements).ThenInclude(e => e.StageMoves).SingleAsync(p => p.FamilyName == $"Imported{u}"));
        Assert.Equal(new DateOnly(1990, 3, 31), person.DateOfBirth);
        Assert.Equal(Sex.Female, person.Equality.Sex);
        var engagement = Assert.Single(person.Engagements);
        Assert.Equal((new DateOnly(2024, 4, 1), ReferralSource.JobcentrePlus, keyWorker.Id), (engagement.StartDate, engagement.ReferralSource, engagement.KeyWorkerId!.Value));
        Assert.Equal([FundingStream.NoOneLeftBehind, FundingStream.YoungPersonsGuarantee], engagement.FundingStreams);
        Assert.Equal(PipelineStage.EmployerEngagementAndJobMatching, engagement.CurrentStage);
        Assert.Equal(3, engagement.StageMoves.Count);
        var intervention = await app.WithDbAsync(db => db.Interventions.SingleAsync(i => i.EngagementId == engagement.Id));
        Assert.Equal(("Food hygiene", 5), (intervention.QualificationTitle, intervention.QualificationScqfLevel));
        var outcome = await app.WithDbAsync(db => db.Outcomes.Include(o => o.Checks).SingleAsync(o => o.EngagementId == engagement.Id));
        Assert.Equal(Nolb.Web.Domain.Outcomes.SustainmentResult.Sustained, outcome.Checks.Single(c => c.Point == Nolb.Web.Domain.Outcomes.SustainmentPoint.Weeks13).Result);

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == person.Id.ToString() || a.EntityId == engagement.Id.ToString()
            || a.EntityId == outcome.Id.ToString() || a.EntityId == intervention.Id.ToString()).ToListAsync());
        Assert.All(audit.Where(a => a.Action is AuditAction.Create or AuditAction.Imported), a =>
        {
            Assert.Equal(AuditAction.Imported, a.Action);
            Assert.Contains($"legacy-{u}.csv", a.Detail, StringComparison.Ordinal);
            Assert.Equal(manager.Id, a.ActorUserId);
        });
        Assert.Superset(new HashSet<string> { "Participant", "Engagement", "Intervention", "Outcome" }, audit.Where(a => a.Action == AuditAction.Imported).Select(a => a.EntityType!).ToHashSet());
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_a_changed_row_updates_its_record()
    {
        var u = Unique();
        var (manager, keyWorker) = await app.PeopleAsync();
        var rows = OneCase(u, keyWorker.Email!).ToList();
        await app.RunAsync(manager.Id, Csv(rows), commit: true);
        var before = await CountsAsync();

        var again = await app.RunAsync(manager.Id, Csv(rows), commit: true);

        Assert.Equal((0, 0, 6), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(before, await CountsAsync());

        rows[0] = Person($"{u}-P1", "Morag", $"Imported{u}", status: "EconomicallyInactive");
        var changed = await app.RunAsync(manager.Id, Csv(rows), commit: true);
        Assert.Equal((0, 1, 5), (changed.Created, changed.Updated, changed.Unchanged));
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(EmploymentStatus.EconomicallyInactive,
            await app.WithDbAsync(db => db.Participants.Where(p => p.FamilyName == $"Imported{u}").Select(p => p.EmploymentStatusAtStart).SingleAsync()));
    }

    [Fact]
    public async Task Files_of_one_kind_each_link_by_the_leps_own_reference()
    {
        var u = Unique();
        var (manager, _) = await app.PeopleAsync();
        string[] personHeader = ["PersonRef", "GivenName", "FamilyName", "DateOfBirth", "PreferredContact", "EmploymentStatus"];
        var people = Csv([[$"{u}-P1", "Ailsa", $"Kind{u}", "1988-02-29", "In person", "Unemployed, 12 months or more"]], personHeader);
        var ok = await app.RunKindAsync(manager.Id, people, ImportRecordKind.Person, personHeader);
        Assert.Equal(1, ok.Created);

        string[] engagementHeader = ["PersonRef", "EngagementRef", "StartDate", "ReferralSource", "FundingStreams"];
        var engagements = Csv([[$"{u}-P1", $"{u}-E1", "01/05/2024", "Self", "No One Left Behind"], [$"{u}-NOBODY", $"{u}-E2", "01/05/2024", "Self", "No One Left Behind"]], engagementHeader);
        var run = await app.RunKindAsync(manager.Id, engagements, ImportRecordKind.Engagement, engagementHeader);

        Assert.Equal((1, 1), (run.Created, run.Refused));
        var refusal = Assert.Single(app.Report(run.Id), l => l.Result == CaseloadImporter.Results.Refused);
        Assert.Equal((3, "PersonRef"), (refusal.Row, refusal.Field));
        Assert.Contains($"No person with reference {u}-NOBODY", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_worked_example_in_docs_imports_whole_once_its_own_word_for_a_status_is_matched()
    {
        var (manager, _) = await app.PeopleAsync(NolbAppFactory.Fife);
        var path = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(path!.FullName, "docs", "caseload-import", "example-caseload.csv")))
        {
            path = path.Parent;
        }

        var file = await File.ReadAllBytesAsync(Path.Combine(path.FullName, "docs", "caseload-import", "example-caseload.csv"));
        var header = (await File.ReadAllLinesAsync(Path.Combine(path.FullName, "docs", "caseload-import", "example-caseload.csv")))[0].Split(',');

        var run = await app.RunKindAsync(manager.Id, file, null, header, new() { ["EmploymentStatus"] = new() { ["Unemployed <6m"] = "UnemployedUnder12Months" } });

        Assert.True(run.Refused == 0, string.Join(Environment.NewLine, app.Report(run.Id).Where(l => l.Result != CaseloadImporter.Results.Create).Select(l => $"{l.Row} {l.Field} {l.Message}")));
        Assert.Equal((9, 10), (run.Rows, run.Created + run.Updated));
    }

    [Fact]
    public async Task Each_refusal_names_the_row_the_field_and_the_fix_and_the_dry_run_writes_nothing()
    {
        var u = Unique();
        var (manager, _) = await app.PeopleAsync();
        var fifeWorker = await app.CreateUserAsync(Nolb.Web.Security.Role.KeyWorker, NolbAppFactory.Fife);
        await app.RunAsync(manager.Id, Csv([Person($"{u}-OLD", "Isla", $"Dup{u}", "01/02/1985")]), commit: true);
        var before = await CountsAsync();

        var run = await app.RunAsync(manager.Id, Csv(
        [
            Person($"{u}-P1", "Bad", $"Date{u}", dateOfBirth: "31/02/1990"),
            Person($"{u}-P2", "Unknown", $"Value{u}", status: "Unemployed <6m"),
            Person("", "No", $"Reference{u}"),
            Person($"{u}-P3", "Isla", $"Dup{u}", "1985-02-01"),
            Person($"{u}-P4", "Good", $"Person{u}"),
            Engagement($"{u}-P4", $"{u}-E1", keyWorker: fifeWorker.Email!),
            Stage($"{u}-MISSING", 3, "01/05/2024"),
            Row(("RecordType", "Referral"), ("PersonRef", $"{u}-P9")),
        ]), commit: false);

        Assert.Equal(ImportRunStatus.Checked, run.Status);
        Assert.Equal(before, await CountsAsync());
        var report = app.Report(run.Id);
        Refused(report, 2, "DateOfBirth", "\"31/02/1990\" is not a date. Write dates day first, like 31/03/2025");
        Refused(report, 3, "EmploymentStatus", "\"Unemployed <6m\" is not one of Nolb's values. Map it");
        Refused(report, 4, "PersonRef", "Enter your reference for the person");
        var duplicate = Assert.Single(report, l => l.Row == 5);
        Assert.Equal(CaseloadImporter.Results.PossibleDuplicate, duplicate.Result);
        Assert.Contains("same name and date of birth", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal(CaseloadImporter.Results.Create, Assert.Single(report, l => l.Row == 6).Result);
        Refused(report, 7, "KeyWorkerEmail", "is not a key worker or team leader of your LEP");
        Refused(report, 8, "EngagementRef", $"No engagement with reference {u}-MISSING");
        Refused(report, 9, "RecordType", "Say what the row is");
        Assert.Equal((1, 6, 1), (run.Created, run.Refused, run.PossibleDuplicates));

        // The manager's own word for it, mapped on the values step, is read as Nolb's code.
        var mapped = await app.RunAsync(manager.Id, Csv([Person($"{u}-P2", "Unknown", $"Value{u}", status: "Unemployed <6m")]), commit: true,
            values: new() { ["EmploymentStatus"] = new() { ["Unemployed <6m"] = "UnemployedUnder12Months" } });
        Assert.Equal(1, mapped.Created);
    }

    [Fact]
    public async Task A_possible_duplicate_is_imported_as_a_new_person_only_when_the_manager_says_so()
    {
        var u = Unique();
        var (manager, _) = await app.PeopleAsync();
        await app.RunAsync(manager.Id, Csv([Person($"{u}-A", "Eilidh", $"Twin{u}", "01/01/1980")]), commit: true);

        var refused = await app.RunAsync(manager.Id, Csv([Person($"{u}-B", "Eilidh", $"Twin{u}", "01/01/1980")]), commit: true);
        var confirmed = await app.RunAsync(manager.Id, Csv([Person($"{u}-B", "Eilidh", $"Twin{u}", "01/01/1980")]), commit: true, importDuplicates: true);

        Assert.Equal((0, 1), (refused.Created, refused.PossibleDuplicates));
        Assert.Equal((1, 0), (confirmed.Created, confirmed.PossibleDuplicates));
        Assert.Equal(2, await app.WithDbAsync(db => db.Participants.CountAsync(p => p.FamilyName == $"Twin{u}")));
    }

    [Fact]
    public async Task A_failure_part_way_rolls_everything_back_and_the_run_says_nothing_was_imported()
    {
        var u = Unique();
        var (manager, _) = await app.PeopleAsync();
        var rows = Enumerable.Range(1, 60).Select(i => Person($"{u}-P{i}", $"Part{(char)('a' + (i % 26))}{(char)('a' + (i / 26))}", $"Way{u}")).ToList();
        using var stop = new CancellationTokenSource();

        // The server stops (its shutdown cancels the import) after 40 rows are written.
        var failed = await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            app.RunAsync(manager.Id, Csv(rows), commit: true, observer: new StopAt(40, stop), ct: stop.Token));

        Assert.NotNull(failed);
        Assert.Equal(0, await app.WithDbAsync(db => db.Participants.CountAsync(p => p.FamilyName == $"Way{u}")));
        Assert.Equal(0, await app.WithDbAsync(db => db.ImportedRecords.CountAsync(r => r.Reference.StartsWith(u))));
        var run = await app.WithDbAsync(db => db.ImportRuns.OrderByDescending(r => r.CreatedAt).FirstAsync(r => r.StartedByUserId == manager.Id));
        Assert.Equal(ImportRunStatus.Failed, run.Status);
        Assert.StartsWith("The import stopped part-way", run.Failure, StringComparison.Ordinal);

        // Started again, it imports the whole file: nothing was left half-written to trip over.
        await app.RunAgainAsync(run.Id, commit: true);
        Assert.Equal(60, await app.WithDbAsync(db => db.Participants.CountAsync(p => p.FamilyName == $"Way{u}")));
    }

    [Fact]
    public async Task A_workbook_is_read_with_uk_and_iso_dates_and_formulas_and_formula_looking_text_stay_text()
    {
        var u = Unique();
        var (manager, _) = await app.PeopleAsync();
        var formula = Person($"{u}-F", "=HYPERLINK(\"http://x\")", $"Sheet{u}");
        var text = Person($"{u}-T", "'=SUM(A1:A2)", $"Sheet{u}", "1991-12-25");

        var run = await app.RunAsync(manager.Id, Xlsx([Person($"{u}-UK", "Uk", $"Sheet{u}", "31/03/1990"), formula, text]), commit: true, fileName: "caseload.xlsx");

        Assert.Equal(3, run.Created);
        var people = await app.WithDbAsync(db => db.Participants.Where(p => p.FamilyName == $"Sheet{u}").ToDictionaryAsync(p => p.GivenName, p => p.DateOfBirth));
        Assert.Equal(new DateOnly(1990, 3, 31), people["Uk"]);
        Assert.Equal(new DateOnly(1991, 12, 25), people["=SUM(A1:A2)"]);
        Assert.True(people.ContainsKey("=HYPERLINK(\"http://x\")"), string.Join(", ", people.Keys));
    }

    [Fact]
    public async Task A_generated_file_of_three_thousand_rows_imports_and_imports_again_unchanged()
    {
        var u = Unique();
        var (manager, keyWorker) = await app.PeopleAsync();
        var file = Csv(Nolb.Bench.Generate.CaseloadFileGenerator.Rows(u, 500, keyWorker.Email!, Cooking).Select(r => Row(r)));

        var clock = Stopwatch.StartNew();
        var check = await app.RunAsync(manager.Id, file, commit: false);
        var checkTime = clock.Elapsed;
        clock.Restart();
        var run = await app.RunAsync(manager.Id, file, commit: true);
        var importTime = clock.Elapsed;
        clock.Restart();
        var again = await app.RunAsync(manager.Id, file, commit: true);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{run.Rows} rows: dry run {checkTime.TotalSeconds:F1} s, import {importTime.TotalSeconds:F1} s, import again {clock.Elapsed.TotalSeconds:F1} s"));

        Assert.Equal(3000, run.Rows);
        Assert.Equal((3000, 0), (check.Created, check.Refused));
        Assert.Equal((3000, 0), (run.Created, run.Refused));
        Assert.Equal((0, 3000), (again.Created, again.Unchanged));
    }

    [Fact]
    public async Task The_wizard_uploads_maps_columns_and_values_shows_the_dry_run_and_imports_and_remembers_the_mapping()
    {
        var u = Unique();
        var (manager, _) = await app.PeopleAsync();
        using var client = await app.PageClientAsync(manager.Email!);
        string[] header = ["Their ref", "First", "Surname", "DOB", "Contact", "Status"];
        var file = Csv([[$"{u}-1", "Wiz", $"Ard{u}", "01/06/1992", "InPerson", "Unemployed <6m"], [$"{u}-2", "Wiz", $"Bad{u}", "1992-13-01", "InPerson", "Self employed"]], header);

        var template = await client.GetStringAsync("/CaseloadImport?handler=Template");
        Assert.StartsWith("RecordType,PersonRef,EngagementRef,RecordRef,GivenName", template, StringComparison.Ordinal);

        var uploaded = await client.SubmitFileFormAsync("/CaseloadImport", new() { ["Holds"] = "Person" }, "Upload", "theirs.csv", file);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var columns = uploaded.Headers.Location!.OriginalString;
        var id = Guid.Parse(RunId().Match(columns).Value);
        Assert.Contains("<option value=\"Their ref\">", await client.GetStringAsync(columns), StringComparison.Ordinal);

        var mapped = new Dictionary<string, string>
        {
            ["Columns[PersonRef]"] = "Their ref",
            ["Columns[GivenName]"] = "First",
            ["Columns[FamilyName]"] = "Surname",
            ["Columns[DateOfBirth]"] = "DOB",
            ["Columns[PreferredContact]"] = "Contact",
            ["Columns[EmploymentStatus]"] = "Status",
        };
        var saved = await client.SubmitFormAsync(columns, mapped);
        Assert.Equal($"/CaseloadImport/{id}/Values", saved.Headers.Location!.OriginalString);

        var values = WebUtility.HtmlDecode(await client.GetStringAsync($"/CaseloadImport/{id}/Values"));
        Assert.Contains("EmploymentStatus: \"Unemployed <6m\"", values, StringComparison.Ordinal);
        Assert.DoesNotContain("Self employed", values, StringComparison.Ordinal);
        var checking = await client.SubmitFormAsync($"/CaseloadImport/{id}/Values", new()
        {
            ["Pairs[0].Field"] = "EmploymentStatus",
            ["Pairs[0].Value"] = "Unemployed <6m",
            ["Pairs[0].Code"] = "UnemployedUnder12Months",
        });
        Assert.Equal($"/CaseloadImport/{id}", checking.Headers.Location!.OriginalString);
        await WaitForAsync(id, ImportRunStatus.Checked);

        var report = WebUtility.HtmlDecode(await client.GetStringAsync($"/CaseloadImport/{id}"));
        Assert.Contains("Would be created", report, StringComparison.Ordinal);
        Assert.Contains("\"1992-13-01\" is not a date", report, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Participants.CountAsync(p => p.FamilyName == $"Ard{u}")));

        var importing = await client.SubmitFormAsync($"/CaseloadImport/{id}", new(), $"/CaseloadImport/{id}?handler=Import");
        Assert.Equal(HttpStatusCode.Redirect, importing.StatusCode);
        await WaitForAsync(id, ImportRunStatus.Imported);
        Assert.Equal(1, await app.WithDbAsync(db => db.Participants.CountAsync(p => p.FamilyName == $"Ard{u}")));
        Assert.False(File.Exists(app.Services.GetRequiredService<ImportWorkFolder>().UploadPath(id, "theirs.csv")), "The upload is deleted once imported");

        // The next file from the same system starts with the columns and values matched last time.
        var next = await client.SubmitFileFormAsync("/CaseloadImport", new() { ["Holds"] = "Person" }, "Upload", "theirs-2.csv", file);
        var nextColumns = await client.GetStringAsync(next.Headers.Location!.OriginalString);
        Assert.Contains("<option value=\"Surname\" selected=\"selected\">", nextColumns, StringComparison.Ordinal);
        var nextId = Guid.Parse(RunId().Match(next.Headers.Location!.OriginalString).Value);
        Assert.Contains("UnemployedUnder12Months", await app.WithDbAsync(db => db.ImportRuns.Where(r => r.Id == nextId).Select(r => r.ValueMapping).SingleAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_that_is_not_a_csv_or_workbook_or_is_a_zip_bomb_is_refused_in_words()
    {
        var (manager, _) = await app.PeopleAsync();
        using var client = await app.PageClientAsync(manager.Email!);
        var runs = await app.CountAsync<ImportRun>();

        var wrongType = await client.SubmitFileFormAsync("/CaseloadImport", new() { ["Holds"] = "All" }, "Upload", "caseload.pdf", [1, 2, 3]);
        var broken = await client.SubmitFileFormAsync("/CaseloadImport", new() { ["Holds"] = "All" }, "Upload", "caseload.xlsx", "not a zip"u8.ToArray());

        Assert.Contains("must be a CSV or an Excel workbook", await wrongType.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("could not be read as an Excel workbook", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(runs, await app.CountAsync<ImportRun>());
    }

    private static void Refused(List<CaseloadImporter.ReportLine> report, int row, string field, string message)
    {
        var line = Assert.Single(report, l => l.Row == row && l.Result == CaseloadImporter.Results.Refused);
        Assert.Equal(field, line.Field);
        Assert.Contains(message, line.Message, StringComparison.Ordinal);
    }

    private async Task WaitForAsync(Guid id, ImportRunStatus status)
    {
        for (var i = 0; i < 200; i++)
        {
            var now = await app.WithDbAsync(db => db.ImportRuns.Where(r => r.Id == id).Select(r => new { r.Status, r.Failure }).SingleAsync());
            if (now.Status == status)
            {
                return;
            }

            Assert.True(now.Status != ImportRunStatus.Failed, now.Failure);
            await Task.Delay(100);
        }

        Assert.Fail($"The run did not reach {status}");
    }

    private Task<(int, int, int, int, int)> CountsAsync() => app.WithDbAsync(async db => (
        await db.Participants.CountAsync(), await db.Engagements.CountAsync(), await db.StageMoves.CountAsync(),
        await db.Interventions.CountAsync(), await db.Outcomes.CountAsync()));

    private sealed class StopAt(int rows, CancellationTokenSource stop) : IProgress<int>
    {
        public void Report(int value)
        {
            if (value == rows)
            {
                stop.Cancel();
            }
        }
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex RunId();
}

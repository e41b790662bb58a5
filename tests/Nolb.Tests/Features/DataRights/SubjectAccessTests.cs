using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.CaseActivity;
using Nolb.Tests.Features.Me;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain;
using Nolb.Web.Domain.CaseNotes;
using Nolb.Web.Security;
using Xunit.Abstractions;

namespace Nolb.Tests.Features.DataRights;

public sealed class SubjectAccessTests(NolbAppFactory app, ITestOutputHelper output) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task An_administrator_records_a_request_withholds_a_note_blacks_out_a_name_and_releases_a_zip_of_json_and_pdf()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker, name: CaseData.UniqueName("Worker"));
        var person = await app.PersonAsync(keyWorker: keyWorker, given: "Catriona");
        var engagementId = person.Engagements.Single().Id;
        var withheld = await app.NoteAsync(engagementId, keyWorker, "Her neighbour Agnes reported a concern", NoteSensitivity.Safeguarding);
        await app.NoteAsync(engagementId, keyWorker, "Met Catriona and her brother Duncan about the CV");
        using var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);
        var page = $"/DataRights/Person/{person.Id}/SubjectAccess";

        var recorded = await admin.SubmitFormAsync(page, new() { ["ReceivedOn"] = CaseData.Today.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, page + "?handler=Record");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var request = await app.WithDbAsync(db => db.SubjectAccessRequests.SingleAsync(r => r.ParticipantId == person.Id));

        var review = await admin.PageTextAsync(page);
        Assert.Contains("Her neighbour Agnes reported a concern", review);

        var withoutReason = await admin.SubmitFormAsync(page, new()
        {
            ["Version"] = request.Version.ToString(),
            ["RedactNoteIds"] = withheld.Id.ToString(),
            ["RedactedPassages"] = "Duncan",
        }, page + $"?handler=Release&requestId={request.Id}");
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("Say why the notes or passages are withheld", await withoutReason.TextAsync());
        Assert.False(await app.WithDbAsync(db => db.SubjectAccessRequests.AnyAsync(r => r.Id == request.Id && r.ReleasedAt != null)));

        var released = await admin.SubmitFormAsync(page, new()
        {
            ["Version"] = request.Version.ToString(),
            ["RedactNoteIds"] = withheld.Id.ToString(),
            ["RedactedPassages"] = "Duncan",
            ["RedactionReason"] = "Names other people",
        }, page + $"?handler=Release&requestId={request.Id}");
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);

        var zip = await admin.GetAsync($"{page}?handler=Download&requestId={request.Id}");
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);
        var (json, pdf) = await ReadZipAsync(zip);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);
        Assert.Contains("Catriona", json);
        Assert.Contains("Met Catriona and her brother [redacted] about the CV", json);
        Assert.DoesNotContain("Agnes", json);
        Assert.DoesNotContain("Duncan", json);
        var document = JsonDocument.Parse(json).RootElement;
        Assert.Equal(2, document.GetProperty("caseNotes").GetArrayLength());
        Assert.Contains(document.GetProperty("whoSawOrChangedTheRecord").EnumerateArray(), a => a.GetProperty("action").GetString() == "SubjectAccessRequested");

        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == person.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditAction.SubjectAccessRequested, audited);
        Assert.Contains(AuditAction.SubjectAccessReleased, audited);
    }

    [Fact]
    public async Task The_person_downloads_everything_held_about_them_without_case_notes_and_the_download_is_audited()
    {
        var linked = await app.LinkedPersonAsync(given: "Seonaid");
        await app.NoteAsync(linked.EngagementId, linked.KeyWorker, "A note staff wrote about Seonaid's landlord");
        using var client = await app.PageClientAsync(linked.Account.Email!);

        var zip = await client.GetAsync("/Me/Data?handler=Everything");

        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        var (json, _) = await ReadZipAsync(zip);
        Assert.Contains("Seonaid", json);
        Assert.DoesNotContain("landlord", json);
        Assert.Equal(0, JsonDocument.Parse(json).RootElement.GetProperty("caseNotes").GetArrayLength());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.EntityId == linked.Person.Id.ToString() && a.Action == AuditAction.SubjectAccessReleased && a.ActorUserId == linked.Account.Id)));
    }

    [Fact]
    public async Task Staff_other_than_administrators_cannot_open_a_subject_access_request()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        using var client = await app.PageClientAsync(keyWorker.Email!);

        CaseData.AssertAccessDenied(await client.GetAsync($"/DataRights/Person/{person.Id}/SubjectAccess"));
    }

    [Fact]
    public async Task The_copy_of_a_large_record_is_produced_in_well_under_a_minute()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker, given: "Mhairi");
        var engagementId = person.Engagements.Single().Id;
        const int notes = 3000, reads = 5000;
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < notes; i++)
            {
                db.CaseNotes.Add(CaseNote.Write(engagementId, person.LepId, CaseData.Today.AddDays(-(i % 25)),
                    $"Note {i}: " + new string('x', 600), null, null, CaseData.Today.AddYears(-1), keyWorker.Id, CaseData.Today, DateTime.UtcNow).Value!);
            }

            for (var i = 0; i < reads; i++)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    OccurredAt = DateTime.UtcNow,
                    ActorUserId = keyWorker.Id,
                    Action = AuditAction.Read,
                    EntityType = "Participant",
                    EntityId = person.Id.ToString(),
                    LepId = person.LepId,
                });
            }

            return await db.SaveChangesAsync();
        });
        using var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);
        var page = $"/DataRights/Person/{person.Id}/SubjectAccess";
        await admin.SubmitFormAsync(page, new() { ["ReceivedOn"] = CaseData.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, page + "?handler=Record");
        var request = await app.WithDbAsync(db => db.SubjectAccessRequests.SingleAsync(r => r.ParticipantId == person.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(page, new() { ["Version"] = request.Version.ToString() },
            page + $"?handler=Release&requestId={request.Id}")).StatusCode);

        var clock = Stopwatch.StartNew();
        var zip = await admin.GetAsync($"{page}?handler=Download&requestId={request.Id}");
        var (json, pdf) = await ReadZipAsync(zip);
        clock.Stop();

        output.WriteLine($"{notes} notes and {reads} audit entries: zip of {json.Length / 1024} KB JSON and {pdf.Length / 1024} KB PDF in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(notes, JsonDocument.Parse(json).RootElement.GetProperty("caseNotes").GetArrayLength());
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"took {clock.Elapsed}");
    }

    private static async Task<(string Json, byte[] Pdf)> ReadZipAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        using var json = new StreamReader(zip.GetEntry("information.json")!.Open());
        using var pdf = new MemoryStream();
        await zip.GetEntry("information.pdf")!.Open().CopyToAsync(pdf);
        return (await json.ReadToEndAsync(), pdf.ToArray());
    }
}

using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Nolb.Tests.Features.DeliveryPlans;
using Nolb.Tests.Features.Employers;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.DeliveryPlans;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Features.Admin.Occupations;
using Nolb.Web.Features.DeliveryPlans;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Tests.Proof;

/// <summary>
/// Every reader of an uploaded zip (the SOC 2020 workbook, the Annex 2 workbook, the HSDS package) checks its entries
/// and unpacked size before anything unpacks it, and a workbook with a DTD (the XXE attack, OWASP XML External Entity
/// Prevention Cheat Sheet) is a bad file answered in words, never a server error. The files are made here, not committed.
/// </summary>
public sealed class HostileArchiveTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private const string OccupationsPage = "/Admin/Occupations";

    /// <summary>The parts every reader parses before anything else: a DTD in any of them must be refused.</summary>
    private static readonly string[] ReadFirst = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"];

    [Fact]
    public async Task A_soc_workbook_that_unpacks_past_the_limit_is_refused_before_it_is_read_and_changes_nothing()
    {
        using var admin = await OccupationListTests.AdminAsync(app);
        var bomb = WithEntry(OccupationListTests.OnsWorkbook(OccupationListTests.OnsRows), "xl/sharedStrings.xml", Compressible(OccupationListImport.MaxExpandedBytes + 1));
        var loads = await app.CountAsync<OccupationListLoad>();

        var response = await UploadOccupationsAsync(admin, bomb, "bomb.xlsx");

        Assert.True(bomb.Length < 200 * 1024, $"the bomb is {bomb.Length} bytes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The file unpacks to more than 25 MB", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(loads, await app.CountAsync<OccupationListLoad>());
    }

    [Fact]
    public async Task A_soc_workbook_with_a_dtd_is_a_bad_file_in_words_not_an_error()
    {
        using var admin = await OccupationListTests.AdminAsync(app);
        var loads = await app.CountAsync<OccupationListLoad>();

        foreach (var part in ReadFirst)
        {
            var response = await UploadOccupationsAsync(admin, WithDtd(OccupationListTests.OnsWorkbook(OccupationListTests.OnsRows), part), "xxe.xlsx");

            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{part}: {(int)response.StatusCode}");
            Assert.Contains("The file is not an Excel workbook (.xlsx) that can be read", page, StringComparison.Ordinal);
            Assert.DoesNotContain("root:", page, StringComparison.Ordinal);
        }

        Assert.Equal(loads, await app.CountAsync<OccupationListLoad>());
    }

    [Fact]
    public async Task An_annex_2_workbook_with_a_dtd_answers_400_and_changes_nothing()
    {
        var (_, client) = await app.ManagerAsync();
        var partner = await PlanTestData.OrganisationAsync(app, CaseData.UniqueName("Partner"));
        var planId = await client.PlanAsync();
        (await client.PostAsJsonAsync($"/api/v1/plans/{planId}/annex2", PlanTestData.Row(partner, "Kept row"))).EnsureSuccessStatusCode();
        var valid = await client.GetByteArrayAsync($"/api/v1/plans/{planId}/annex2.xlsx");

        foreach (var part in ReadFirst.Concat(Parts(valid).Where(p => p.StartsWith("xl/worksheets/", StringComparison.Ordinal))))
        {
            var response = await client.PostAsync($"/api/v1/plans/{planId}/annex2/import", Body(WithDtd(valid, part), Annex2Workbook.ContentType));

            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{part}: {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
            Assert.Contains("problems", body, StringComparison.Ordinal);
        }

        Assert.Equal(["Kept row"], await app.WithDbAsync(db => Task.FromResult(db.Set<ServiceDeliveryRequirement>().Where(r => r.PlanId == planId).Select(r => r.TargetGroup).ToList())));
    }

    [Fact]
    public async Task An_annex_2_workbook_that_unpacks_past_the_limit_is_refused()
    {
        var (_, client) = await app.ManagerAsync();
        var planId = await client.PlanAsync();
        var bomb = WithEntry(PlanExportTests.HandFilled(), "xl/sharedStrings.xml", Compressible(Annex2Import.MaxExpandedBytes + 1));

        var response = await client.PostAsync($"/api/v1/plans/{planId}/annex2/import", Body(bomb, Annex2Workbook.ContentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unpacks to more than 50 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_of_more_entries_than_any_real_file_is_refused_in_words()
    {
        var manager = await app.StaffAsync(Role.LepManager);
        using var client = await app.ApiClientAsync(manager.Email!);
        using var many = new MemoryStream();
        using (var archive = new ZipArchive(many, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i <= BoundedUpload.MaxEntries; i++)
            {
                archive.CreateEntry($"part{i}.csv");
            }
        }

        var response = await client.PostAsync("/api/v1/directory/import", Body(many.ToArray(), "application/zip"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"more than {BoundedUpload.MaxEntries} parts", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadOccupationsAsync(HttpClient client, byte[] file, string fileName) =>
        await client.SubmitFileFormAsync(OccupationsPage, new() { ["Source"] = "Hostile file" }, "Upload", fileName, file);

    /// <summary>Text that deflates about a thousandfold, as a zip bomb's does.</summary>
    private static byte[] Compressible(long length)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, (byte)'a');
        return bytes;
    }

    private static List<string> Parts(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(e => e.FullName).ToList();
    }

    /// <summary>The workbook with <paramref name="part"/> replaced (or added) with <paramref name="content"/>.</summary>
    private static byte[] WithEntry(byte[] workbook, string part, byte[] content)
    {
        using var buffer = new MemoryStream();
        buffer.Write(workbook);
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            archive.GetEntry(part)?.Delete();
            using var entry = archive.CreateEntry(part, CompressionLevel.SmallestSize).Open();
            entry.Write(content);
        }

        return buffer.ToArray();
    }

    /// <summary>The part given a DOCTYPE whose external entity names /etc/passwd, used in its first element's text.</summary>
    private static byte[] WithDtd(byte[] workbook, string part)
    {
        string xml;
        using (var archive = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read))
        using (var reader = new StreamReader(archive.GetEntry(part)!.Open()))
        {
            xml = reader.ReadToEnd();
        }

        var declarationEnd = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        var rootStart = xml.IndexOf('<', declarationEnd);
        var rootName = xml[(rootStart + 1)..xml.IndexOfAny([' ', '>', '/'], rootStart)];
        var dtd = $"<!DOCTYPE {rootName} [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
        var firstClose = xml.IndexOf("</", rootStart, StringComparison.Ordinal);
        var withEntity = firstClose < 0 ? xml : xml[..firstClose] + "&xxe;" + xml[firstClose..];
        return WithEntry(workbook, part, Encoding.UTF8.GetBytes(withEntity[..declarationEnd] + dtd + withEntity[declarationEnd..]));
    }

    private static ByteArrayContent Body(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }
}

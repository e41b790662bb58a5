using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Nolb.Tests.Features.DeliveryPlans;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain;
using Nolb.Web.Domain.DeliveryPlans;
using Nolb.Web.Domain.ServiceDirectory;
using Nolb.Web.Features.DeliveryPlans;
using Nolb.Web.Features.ServiceDirectory.Hsds;
using Nolb.Web.Security;

namespace Nolb.Tests.Proof;

/// <summary>
/// Every import (HSDS JSON, the HSDS CSV package, the Annex 2 workbook) fed generated hostile files: random bytes,
/// truncated files, wrong types, over-long values, script, files over the size limit and zip bombs. Each must end
/// in a 400 problem that says what is wrong, and the database must be exactly as it was (rows counted before and
/// after). Script that is otherwise valid is kept as text and shown encoded.
/// </summary>
public sealed class HostileImportTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task Hostile_hsds_json_is_refused_with_a_clear_problem_and_changes_nothing()
    {
        var (client, _) = await ManagerAsync();
        var valid = Encoding.UTF8.GetBytes(ValidServicesJson(Guid.NewGuid(), Guid.NewGuid(), "A service").Trim());
        var files = Gen.OneOf(
            Hostile.RandomBytes().Select(b => ("random bytes", b)),
            Hostile.Truncated(valid).Select(b => ($"the first {b.Length} bytes of a valid file", b)),
            WrongTypes().Select(json => ($"wrong types: {json}", Encoding.UTF8.GetBytes(json))),
            Hostile.Text().Where(t => t.Length > 200 || t.Contains('\0', StringComparison.Ordinal))
                .Select(t => ($"name {Hostile.Describe(t)}", Encoding.UTF8.GetBytes(ValidServicesJson(Guid.NewGuid(), Guid.NewGuid(), t)))),
            Gen.Choose(200, 5000).Select(depth => ($"nested {depth} deep", Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)))));

        await Hostile.CheckAsync(files, 40, f => f.Item1, async file => await AssertRefusedAndUnchangedAsync(client, file.Item2, "application/json"));
    }

    [Fact]
    public async Task Every_hsds_json_with_a_wrong_type_is_refused_and_changes_nothing()
    {
        var (client, _) = await ManagerAsync();
        foreach (var json in WrongTypeCases())
        {
            await AssertRefusedAndUnchangedAsync(client, Encoding.UTF8.GetBytes(json), "application/json");
        }
    }

    [Fact]
    public async Task Hostile_hsds_csv_packages_are_refused_with_a_clear_problem_and_change_nothing()
    {
        var (client, _) = await ManagerAsync();
        var valid = Zip(new()
        {
            ["organizations.csv"] = $"id,name\n{Guid.NewGuid()},Zip Org {Guid.NewGuid():N}\n",
            ["services.csv"] = $"id,organization_id,name,status\n{Guid.NewGuid()},{Guid.NewGuid()},A service,active\n",
        });
        var files = Gen.OneOf(
            Hostile.RandomBytes().Select(b => ("random bytes", b)),
            Hostile.Truncated(valid).Select(b => ($"the first {b.Length} bytes of a valid package", b)),
            Gen.Elements("id,name\n\"unclosed,quote\n", "\0\0\0,\n", "id,name\nnot-a-uuid,x\n", "id\n" + new string('x', 100_000) + "\n")
                .Select(csv => ($"organizations.csv: {Hostile.Describe(csv)}", Zip(new() { ["organizations.csv"] = csv, ["services.csv"] = "id,name,status,minimum_age\nx,y,open,old\n" }))),
            Hostile.Text().Select(t => ($"service name {Hostile.Describe(t)}", Zip(new()
            {
                ["organizations.csv"] = "id,name\nnot-a-uuid,Org\n",
                ["services.csv"] = $"id,organization_id,name,status\n{Guid.NewGuid()},not-a-uuid,\"{t.Replace("\"", "\"\"", StringComparison.Ordinal)}\",active\n",
            }))));

        await Hostile.CheckAsync(files, 30, f => f.Item1, async file => await AssertRefusedAndUnchangedAsync(client, file.Item2, "application/zip"));
    }

    [Fact]
    public async Task Over_long_hsds_values_are_refused_naming_the_field_and_change_nothing()
    {
        var (client, _) = await ManagerAsync();
        var fields = Gen.Elements("name", "description", "eligibility_description", "fees_description", "application_process", "url", "email");
        var lengths = Gen.Choose(4001, 50_000);
        var samples = fields.SelectMany(f => lengths.Select(n => (Field: f, Length: n)));

        await Hostile.CheckAsync(samples, 10, s => $"{s.Field} of {s.Length} characters", async s =>
        {
            var service = JsonSerializer.Deserialize<Dictionary<string, object?>>(ValidServicesJson(Guid.NewGuid(), Guid.NewGuid(), "Long one").Trim()[1..^1])!;
            service[s.Field] = new string('a', s.Length);
            var body = await AssertRefusedAndUnchangedAsync(client, JsonSerializer.SerializeToUtf8Bytes(new[] { service }), "application/json");
            var reported = s.Field == "email" ? "contacts.email" : s.Field;
            Assert.Contains("\"field\":\"" + reported + "\"", body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Files_over_the_size_limit_and_zip_bombs_are_refused_in_words_and_change_nothing()
    {
        var (client, _) = await ManagerAsync();
        var huge = new byte[HsdsImport.MaxBytes + 1];
        Array.Fill(huge, (byte)' ');
        using var bomb = new MemoryStream();
        using (var archive = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = archive.CreateEntry("services.csv", CompressionLevel.Fastest).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i <= HsdsImport.MaxExpandedBytes / zeros.Length; i++)
            {
                await entry.WriteAsync(zeros);
            }
        }

        var tooBig = await AssertRefusedAndUnchangedAsync(client, huge, "application/json");
        var bombed = await AssertRefusedAndUnchangedAsync(client, bomb.ToArray(), "application/zip");
        var chunked = await AssertRefusedAndUnchangedAsync(client, huge, "application/json", chunked: true);

        Assert.Contains("larger than 10 MB", tooBig, StringComparison.Ordinal);
        Assert.Contains("unpacks to more than 100 MB", bombed, StringComparison.Ordinal);
        Assert.Contains("larger than 10 MB", chunked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_in_every_hsds_text_field_is_stored_as_text_and_rendered_encoded()
    {
        var (client, manager) = await ManagerAsync();
        var serviceId = Guid.NewGuid();
        var json = ValidServicesJson(serviceId, Guid.NewGuid(), "Service " + Hostile.Script, text: Hostile.Script);

        var response = await client.PostAsync("/api/v1/directory/import", Body(Encoding.UTF8.GetBytes(json), "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var stored = await app.WithDbAsync(db => Task.FromResult(db.DirectoryServices.Single(s => s.Id == serviceId)));
        using var page = await app.PageClientAsync(manager.Email!);
        var html = await (await page.GetAsync($"/Directory/Services/{serviceId}")).Content.ReadAsStringAsync();

        Assert.Equal("Service " + Hostile.Script, stored.Name);
        Assert.Equal(Hostile.Script, stored.Description);
        Assert.DoesNotContain(Hostile.Script, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_annex_2_workbooks_are_refused_with_a_clear_problem_and_change_nothing()
    {
        var (user, client) = await app.ManagerAsync();
        var partnerName = CaseData.UniqueName("Partner");
        var partner = await PlanTestData.OrganisationAsync(app, partnerName);
        var planId = await client.PlanAsync();
        (await client.PostAsJsonAsync($"/api/v1/plans/{planId}/annex2", PlanTestData.Row(partner, "Kept row"))).EnsureSuccessStatusCode();
        var valid = await client.GetByteArrayAsync($"/api/v1/plans/{planId}/annex2.xlsx");
        string[] Row(string target = "Young people", string budget = "1000", string volumes = "10", string partners = "") =>
            [target, "Why", partners.Length == 0 ? partnerName : partners, budget, "No One Left Behind", volumes, "Grant", "Jobs"];
        var files = Gen.OneOf(
            Hostile.RandomBytes().Select(b => ("random bytes", b)),
            Hostile.Truncated(valid).Select(b => ($"the first {b.Length} bytes of a valid workbook", b)),
            Gen.Elements("abc", "£-", "1e400", "NaN", "79228162514264337593543950336").Select(b => ($"budget {b}", PlanExportTests.HandFilled(Row(budget: b)))),
            Gen.Elements("1.5", "many", "-", "99999999999").Select(v => ($"volumes {v}", PlanExportTests.HandFilled(Row(volumes: v)))),
            Hostile.Text().Where(t => t.Length > 2000).Select(t => ($"target group {Hostile.Describe(t)}", PlanExportTests.HandFilled(Row(target: t)))),
            Gen.Constant(("no rows", PlanExportTests.HandFilled())),
            Gen.Constant(($"partner {Hostile.Script}", PlanExportTests.HandFilled(Row(partners: Hostile.Script)))));
        var before = await RequirementRowsAsync(planId);

        await Hostile.CheckAsync(files, 30, f => f.Item1, async file =>
        {
            var response = await client.PostAsync($"/api/v1/plans/{planId}/annex2/import", Body(file.Item2, Annex2Workbook.ContentType));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
            Assert.Contains("problems", body, StringComparison.Ordinal);
            Assert.Equal(before, await RequirementRowsAsync(planId));
        });
        var huge = new byte[Annex2Import.MaxBytes + 1];
        var tooBig = await client.PostAsync($"/api/v1/plans/{planId}/annex2/import", Body(huge, Annex2Workbook.ContentType, chunked: true));
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("larger than 5 MB", await tooBig.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await RequirementRowsAsync(planId));
        _ = user;
    }

    private async Task<(HttpClient Client, NolbUser Manager)> ManagerAsync()
    {
        var manager = await app.StaffAsync(Role.LepManager);
        return (await app.ApiClientAsync(manager.Email!), manager);
    }

    private Task<List<string>> RequirementRowsAsync(Guid planId) =>
        app.WithDbAsync(db => Task.FromResult(db.Set<ServiceDeliveryRequirement>().Where(r => r.PlanId == planId)
            .Select(r => new { r.Id, r.TargetGroup, r.Version }).AsEnumerable()
            .Select(r => $"{r.Id}|{r.TargetGroup}|{r.Version}").Order(StringComparer.Ordinal).ToList()));

    private async Task<(int Services, int Organisations, int Locations)> CountsAsync() =>
        (await app.CountAsync<DirectoryService>(), await app.CountAsync<Organisation>(), await app.CountAsync<ServiceLocation>());

    private async Task<string> AssertRefusedAndUnchangedAsync(HttpClient client, byte[] file, string mediaType, bool chunked = false)
    {
        var before = await CountsAsync();
        var response = await client.PostAsync("/api/v1/directory/import", Body(file, mediaType, chunked));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"problems\"", body, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        return body;
    }

    /// <summary>Files of the right shape with a wrong type somewhere: each one, not just a random few, is tried by Every_hsds_json_with_a_wrong_type_is_refused_and_changes_nothing.</summary>
    private static IReadOnlyList<string> WrongTypeCases()
    {
        var id = Guid.NewGuid();
        var org = """{"id":"%A%","name":"Org %B%"}""".Replace("%A%", Guid.NewGuid().ToString(), StringComparison.Ordinal).Replace("%B%", Guid.NewGuid().ToString("N", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        string[] documents = ["5", "\"text\"", "null", "true", "{}", "{\"contents\":5}", "{\"contents\":{}}", "[1,2,3]", "[null]", "[[]]", "[]"];
        string[] services =
        [
            """[{"id":{"x":1},"name":"A","status":"active","organization":%A%}]""".Replace("%A%", org, StringComparison.Ordinal),
            """[{"id":"%A%","name":["A"],"status":"active","organization":%B%}]""".Replace("%A%", id.ToString(), StringComparison.Ordinal).Replace("%B%", org, StringComparison.Ordinal),
            """[{"id":"%A%","name":"A","status":true,"organization":%B%}]""".Replace("%A%", id.ToString(), StringComparison.Ordinal).Replace("%B%", org, StringComparison.Ordinal),
            """[{"id":"%A%","name":"A","status":"active","organization":"not an object"}]""".Replace("%A%", id.ToString(), StringComparison.Ordinal),
            """[{"id":"%A%","name":"A","status":"active","organization":%B%,"minimum_age":{"years":16}}]""".Replace("%A%", id.ToString(), StringComparison.Ordinal).Replace("%B%", org, StringComparison.Ordinal),
            """[{"id":"%A%","name":"A","status":"active","organization":%B%,"minimum_age":-4}]""".Replace("%A%", id.ToString(), StringComparison.Ordinal).Replace("%B%", org, StringComparison.Ordinal),
            """[{"id":"%A%","name":"A","status":"active","organization":%B%,"maximum_age":1e400}]""".Replace("%A%", id.ToString(), StringComparison.Ordinal).Replace("%B%", org, StringComparison.Ordinal),
            """[{"id":"%A%","name":"A","status":"active","organization":%B%,"service_at_locations":[{"id":5,"location":{"id":[]}}]}]""".Replace("%A%", id.ToString(), StringComparison.Ordinal).Replace("%B%", org, StringComparison.Ordinal),
            """[{"id":"%A%","name":"A","status":"active","organization":%B%,"attributes":[{"id":"%C%","taxonomy_term":5}]}]""".Replace("%A%", id.ToString(), StringComparison.Ordinal).Replace("%B%", org, StringComparison.Ordinal).Replace("%C%", Guid.NewGuid().ToString(), StringComparison.Ordinal),
            """[{"id":"%A%","name":"A","status":"active","organization":%B%,"schedules":[{"id":"%C%","freq":"WEEKLY","opens_at":930}]}]""".Replace("%A%", id.ToString(), StringComparison.Ordinal).Replace("%B%", org, StringComparison.Ordinal).Replace("%C%", Guid.NewGuid().ToString(), StringComparison.Ordinal),
        ];
        return [.. documents, .. services];
    }

    private static Gen<string> WrongTypes() => Gen.Elements<string>([.. WrongTypeCases()]);

    private static string ValidServicesJson(Guid serviceId, Guid organisationId, string name, string text = "Helps people into work") =>
        JsonSerializer.Serialize(new[]
        {
            new Dictionary<string, object?>
            {
                ["id"] = serviceId.ToString(),
                ["name"] = name,
                ["description"] = text,
                ["status"] = "active",
                ["eligibility_description"] = text,
                ["fees_description"] = text,
                ["application_process"] = text,
                ["organization"] = new Dictionary<string, object?> { ["id"] = organisationId.ToString(), ["name"] = "Hostile Org " + organisationId.ToString("N", System.Globalization.CultureInfo.InvariantCulture) },
                ["contacts"] = new[] { new Dictionary<string, object?> { ["id"] = Guid.NewGuid().ToString(), ["name"] = text } },
                ["schedules"] = new[] { new Dictionary<string, object?> { ["id"] = Guid.NewGuid().ToString(), ["freq"] = "WEEKLY", ["byday"] = "MO", ["description"] = text } },
                ["funding"] = new[] { new Dictionary<string, object?> { ["id"] = Guid.NewGuid().ToString(), ["source"] = text } },
            },
        });

    private static HttpContent Body(byte[] bytes, string mediaType, bool chunked = false)
    {
        HttpContent content = chunked ? new ChunkedContent(bytes) : new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    /// <summary>A body sent without Content-Length, as a chunked upload is: the server cannot check its size before reading.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static byte[] Zip(Dictionary<string, string> files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }
}

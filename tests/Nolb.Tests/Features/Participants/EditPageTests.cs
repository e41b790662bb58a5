using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Participants;

public sealed partial class EditPageTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static Dictionary<string, string> Form(Participant person, string given, string version) => new()
    {
        ["Input.GivenName"] = given,
        ["Input.FamilyName"] = person.FamilyName,
        ["Input.DateOfBirth"] = person.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.Phone"] = person.Phone!,
        ["Input.PreferredContact"] = nameof(ContactMethod.Phone),
        ["Input.EmploymentStatusAtStart"] = nameof(EmploymentStatus.UnemployedUnder12Months),
        ["Version"] = version,
    };

    private static async Task<string> VersionOnFormAsync(HttpClient client, Guid id)
    {
        var html = await client.PageTextAsync($"/Participants/{id}/Edit");
        return VersionInput().Match(html).Groups["version"].Value;
    }

    [Fact]
    public async Task Changes_are_saved_and_shown_on_the_record()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var version = await VersionOnFormAsync(client, person.Id);

        var response = await client.SubmitFormAsync($"/Participants/{person.Id}/Edit", Form(person, "Catriona", version));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Catriona", (await app.ReloadAsync(person.Id)).GivenName);
        var record = await client.PageTextAsync($"/Participants/{person.Id}");
        Assert.Contains("The changes are saved.", record, StringComparison.Ordinal);
        Assert.Contains($"Catriona {person.FamilyName}", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_over_someone_elses_newer_change_is_refused_and_keeps_their_change()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var teamLeader = await app.StaffAsync(Role.TeamLeader);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        using var first = await app.PageClientAsync(keyWorker.Email!);
        using var second = await app.PageClientAsync(teamLeader.Email!);
        var version = await VersionOnFormAsync(first, person.Id);
        Assert.Equal(version, await VersionOnFormAsync(second, person.Id));

        var saved = await second.SubmitFormAsync($"/Participants/{person.Id}/Edit", Form(person, "Saved First", version));
        var stale = await first.SubmitFormAsync($"/Participants/{person.Id}/Edit", Form(person, "Saved Second", version));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this person's details while you were editing them", await stale.TextAsync(), StringComparison.Ordinal);
        Assert.Equal("Saved First", (await app.ReloadAsync(person.Id)).GivenName);
    }

    [Fact]
    public async Task Invalid_changes_name_the_field_and_change_nothing()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var version = await VersionOnFormAsync(client, person.Id);

        var response = await client.SubmitFormAsync($"/Participants/{person.Id}/Edit", Form(person, "", version));

        Assert.Contains("<a href=\"#Input_GivenName\">Enter the person's first name</a>", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(person.GivenName, (await app.ReloadAsync(person.Id)).GivenName);
    }

    [Fact]
    public async Task A_key_worker_may_read_but_not_change_a_colleagues_case()
    {
        var colleague = await app.StaffAsync(Role.KeyWorker);
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: colleague);
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var record = await client.PageTextAsync($"/Participants/{person.Id}");
        var form = await client.GetAsync($"/Participants/{person.Id}/Edit");

        Assert.DoesNotContain("Change details", record, StringComparison.Ordinal);
        CaseData.AssertAccessDenied(form);
    }

    [GeneratedRegex("name=\"Version\" value=\"(?<version>[0-9a-f-]{36})\"")]
    private static partial Regex VersionInput();
}

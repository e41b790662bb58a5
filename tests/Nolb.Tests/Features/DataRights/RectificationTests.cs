using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.DataRights;

public sealed class RectificationTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task A_correction_keeps_who_changed_what_from_what_to_what_and_why_and_the_record_shows_it()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker, name: CaseData.UniqueName("Corrector"));
        var person = await app.PersonAsync(keyWorker: keyWorker, given: "Kirsty", with: p => p.AddressLine = "3 Old Lane");
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var version = (await app.ReloadAsync(person.Id)).Version;

        var response = await client.SubmitFormAsync($"/Participants/{person.Id}/Edit", new()
        {
            ["Input.GivenName"] = "Kirsteen",
            ["Input.FamilyName"] = person.FamilyName,
            ["Input.DateOfBirth"] = person.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Phone"] = person.Phone!,
            ["Input.AddressLine"] = "9 New Street",
            ["Input.PreferredContact"] = nameof(ContactMethod.Phone),
            ["Input.EmploymentStatusAtStart"] = nameof(EmploymentStatus.UnemployedUnder12Months),
            ["Version"] = version.ToString(),
            ["ChangeReason"] = "Name was misspelt at registration; she has moved",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var changes = await app.WithDbAsync(db => db.ParticipantChanges.Where(c => c.ParticipantId == person.Id).OrderBy(c => c.Field).ToListAsync());
        Assert.Equal(
            [("Address", "3 Old Lane", "9 New Street"), ("Given name", "Kirsty", "Kirsteen")],
            changes.Select(c => (c.Field, c.OldValue, c.NewValue)).ToList());
        Assert.All(changes, c => Assert.Equal((keyWorker.Id, "Name was misspelt at registration; she has moved"), (c.ChangedByUserId!.Value, c.Reason!)));

        var record = await client.PageTextAsync($"/Participants/{person.Id}");
        Assert.Contains("Changes to these details", record);
        Assert.Contains("3 Old Lane", record);
        Assert.Contains(keyWorker.DisplayName, record);
    }

    [Fact]
    public async Task A_save_that_changes_nothing_adds_no_history_and_an_over_long_reason_is_refused()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var version = (await app.ReloadAsync(person.Id)).Version;
        Dictionary<string, string> Form(string reason) => new()
        {
            ["Input.GivenName"] = person.GivenName,
            ["Input.FamilyName"] = person.FamilyName,
            ["Input.DateOfBirth"] = person.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Phone"] = person.Phone!,
            ["Input.PreferredContact"] = nameof(ContactMethod.Phone),
            ["Input.EmploymentStatusAtStart"] = nameof(EmploymentStatus.UnemployedUnder12Months),
            ["Version"] = version.ToString(),
            ["ChangeReason"] = reason,
        };

        var tooLong = await client.SubmitFormAsync($"/Participants/{person.Id}/Edit", Form(new string('a', 501)));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("The reason for the change must be 500 characters or fewer", await tooLong.TextAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/Participants/{person.Id}/Edit", Form("checked"))).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ParticipantChanges.CountAsync(c => c.ParticipantId == person.Id)));
    }
}

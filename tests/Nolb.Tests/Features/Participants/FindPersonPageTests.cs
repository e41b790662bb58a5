using Nolb.Web.Security;

namespace Nolb.Tests.Features.Participants;

public sealed class FindPersonPageTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task A_person_is_found_by_part_of_their_name_their_date_of_birth_or_their_reference()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var family = CaseData.UniqueName("Find");
        var dateOfBirth = new DateOnly(1961, 2, 14);
        var person = await app.PersonAsync(given: "Seonaidh", family: family, dateOfBirth: dateOfBirth);
        using var client = await app.PageClientAsync(keyWorker.Email!);

        foreach (var search in new[]
        {
            $"seonaidh {family.ToUpperInvariant()}", family[..^2], "14/02/1961", "1961-02-14", "14 February 1961", person.Reference.ToLowerInvariant(),
        })
        {
            var html = await client.PageTextAsync($"/Participants?Search={Uri.EscapeDataString(search)}");
            Assert.True(html.Contains($"href=\"/Participants/{person.Id}\"", StringComparison.Ordinal), $"'{search}' finds the person");
        }
    }

    [Fact]
    public async Task Only_people_in_the_users_own_lep_are_found()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var family = CaseData.UniqueName("Scope");
        var glasgow = await app.PersonAsync(family: family);
        var fife = await app.PersonAsync(NolbAppFactory.Fife, family: family);
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var byName = await client.PageTextAsync($"/Participants?Search={family}");
        var byReference = await client.PageTextAsync($"/Participants?Search={fife.Reference}");

        Assert.Contains(glasgow.Reference, byName, StringComparison.Ordinal);
        Assert.DoesNotContain(fife.Reference, byName, StringComparison.Ordinal);
        Assert.Contains("1 match.", byName, StringComparison.Ordinal);
        Assert.Contains("Nobody in your LEP matches", byReference, StringComparison.Ordinal);
        Assert.DoesNotContain(fife.Id.ToString(), byReference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_matching_offers_to_register_the_person()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var html = await client.PageTextAsync($"/Participants?Search={CaseData.UniqueName("Nobody")}");

        Assert.Contains("Nobody in your LEP matches", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Participants/Register\"", html, StringComparison.Ordinal);
    }
}

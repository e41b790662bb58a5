using System.Globalization;
using System.Net;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Participants;

/// <summary>
/// Every participant page, for staff of Fife looking at a Glasgow person: 404 on opening and on submitting,
/// as if the record did not exist, and nothing changes.
/// </summary>
public sealed class CrossLepTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    public static readonly string[] PagePaths =
    [
        "/Participants/{person}",
        "/Participants/{person}/Edit",
        "/Participants/{person}/StartEngagement",
        "/Participants/{person}/Consents/Record",
        "/Participants/{person}/Consents/{consent}/Withdraw",
        "/Participants/{person}/Transfer",
        "/Participants/Engagements/{engagement}/MoveStage",
        "/Participants/Engagements/{engagement}/Close",
        "/Participants/Engagements/{engagement}/Reassign",
    ];

    public static TheoryData<string, Role> Pages() => Cases(PagePaths);

    /// <summary>Every page but the record itself, which has no form.</summary>
    public static TheoryData<string, Role> Forms() => Cases(PagePaths[1..]);

    private static TheoryData<string, Role> Cases(string[] paths)
    {
        var data = new TheoryData<string, Role>();
        foreach (var path in paths)
        {
            data.Add(path, Role.KeyWorker);
            data.Add(path, Role.TeamLeader);
        }

        return data;
    }

    private async Task<(Participant Person, string Url)> GlasgowCaseAsync(string path)
    {
        var glasgowKeyWorker = await app.StaffAsync(Role.KeyWorker);
        Consent consent = null!;
        var person = await app.PersonAsync(keyWorker: glasgowKeyWorker, with: p =>
        {
            consent = p.AddConsent(ConsentKind.TransferToAnotherLep, glasgowKeyWorker.Id);
            p.AddConsent(ConsentKind.ContactByText, glasgowKeyWorker.Id);
        });
        var url = path.Replace("{person}", person.Id.ToString(), StringComparison.Ordinal)
            .Replace("{consent}", consent.Id.ToString(), StringComparison.Ordinal)
            .Replace("{engagement}", person.Engagements.Single().Id.ToString(), StringComparison.Ordinal);
        return (person, url);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Fife_staff_get_404_opening_a_glasgow_persons_page(string path, Role role)
    {
        var fife = await app.StaffAsync(role, NolbAppFactory.Fife);
        var (person, url) = await GlasgowCaseAsync(path);
        using var client = await app.PageClientAsync(fife.Email!);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(person.FamilyName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Fife_staff_get_404_submitting_a_glasgow_persons_form_and_nothing_changes(string path, Role role)
    {
        var fife = await app.StaffAsync(role, NolbAppFactory.Fife);
        var fifeColleague = await app.StaffAsync(Role.KeyWorker, NolbAppFactory.Fife);
        var (person, url) = await GlasgowCaseAsync(path);
        var before = await app.ReloadAsync(person.Id);
        using var client = await app.PageClientAsync(fife.Email!);
        var today = CaseData.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Valid answers for every one of the forms, so only the tenancy rule can stop the change.
        var response = await client.SubmitFormAsync("/Participants/Register", new()
        {
            ["Input.GivenName"] = "Changed",
            ["Input.FamilyName"] = "Changed",
            ["Input.DateOfBirth"] = "1990-01-01",
            ["Input.PreferredContact"] = nameof(ContactMethod.InPerson),
            ["Input.EmploymentStatusAtStart"] = nameof(EmploymentStatus.NotKnown),
            ["Version"] = before.Version.ToString(),
            ["Input.StartDate"] = today,
            ["Input.ReferralSource"] = nameof(ReferralSource.Self),
            ["Input.FundingStreams"] = nameof(FundingStream.NoOneLeftBehind),
            ["Input.Kind"] = nameof(ConsentKind.UseInEvaluation),
            ["Input.GivenOn"] = today,
            ["Input.WithdrawnOn"] = today,
            ["Input.ToLepCode"] = NolbAppFactory.Fife,
            ["Input.Stage"] = "3",
            ["Input.Date"] = today,
            ["Input.Reason"] = nameof(LeavingReason.Other),
            ["Input.ToKeyWorkerId"] = fifeColleague.Id.ToString(),
        }, postUrl: url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var after = await app.ReloadAsync(person.Id);
        Assert.Equal((before.Version, before.LepId, before.GivenName), (after.Version, after.LepId, after.GivenName));
        var engagement = Assert.Single(after.Engagements);
        Assert.Equal((true, 1, 0, before.Engagements.Single().KeyWorkerId), (engagement.IsOpen, engagement.StageMoves.Count, engagement.Assignments.Count, engagement.KeyWorkerId));
        Assert.Equal(2, after.Consents.Count);
        Assert.All(after.Consents, c => Assert.True(c.IsActive));
    }

    [Fact]
    public async Task Fife_staff_do_not_see_glasgow_people_on_their_caseload_or_in_search()
    {
        var fifeLeader = await app.StaffAsync(Role.TeamLeader, NolbAppFactory.Fife);
        var (person, _) = await GlasgowCaseAsync(PagePaths[0]);
        using var client = await app.PageClientAsync(fifeLeader.Email!);

        Assert.DoesNotContain(person.Reference, await client.PageTextAsync("/Caseload"), StringComparison.Ordinal);
        Assert.DoesNotContain(person.Reference, await client.PageTextAsync($"/Participants?Search={person.FamilyName}"), StringComparison.Ordinal);
        // The search box echoes the typed reference, so look for a link to the record instead.
        var byReference = await client.PageTextAsync($"/Participants?Search={person.Reference}");
        Assert.DoesNotContain(person.Id.ToString(), byReference, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(person.FamilyName, byReference, StringComparison.Ordinal);
    }
}

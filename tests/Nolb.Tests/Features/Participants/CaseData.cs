using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Participants;

/// <summary>
/// Test data for the participant pages, made straight in the database so each test states only what it needs:
/// staff with recognisable names, and people with (by default) an open engagement on a key worker's caseload.
/// </summary>
public static class CaseData
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    public static async Task<NolbUser> StaffAsync(this NolbAppFactory app, Role role, string lepCode = NolbAppFactory.Glasgow, string? name = null)
    {
        var user = await app.CreateUserAsync(role, lepCode);
        if (name is not null)
        {
            await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, name)));
            user.DisplayName = name;
        }

        return user;
    }

    public static Task<Guid> LepIdAsync(this NolbAppFactory app, string lepCode) =>
        app.WithDbAsync(db => db.Leps.Where(l => l.Code == lepCode).Select(l => l.Id).SingleAsync());

    /// <summary>A person in <paramref name="lepCode"/>; with <paramref name="keyWorker"/>, an engagement open on their caseload since 30 days ago.</summary>
    public static async Task<Participant> PersonAsync(
        this NolbAppFactory app, string lepCode = NolbAppFactory.Glasgow, NolbUser? keyWorker = null,
        string given = "Morag", string? family = null, DateOnly? dateOfBirth = null, Action<Participant>? with = null)
    {
        var lepId = await app.LepIdAsync(lepCode);
        var person = new Participant
        {
            Reference = ParticipantReferences.New(),
            LepId = lepId,
            GivenName = given,
            FamilyName = family ?? UniqueName("Case"),
            DateOfBirth = dateOfBirth ?? Today.AddYears(-30),
            Phone = "0141 496 0000",
            PreferredContact = ContactMethod.Phone,
            EmploymentStatusAtStart = EmploymentStatus.UnemployedUnder12Months,
            CreatedAt = DateTime.UtcNow,
        };
        if (keyWorker is not null)
        {
            var started = person.StartEngagement(
                Today.AddDays(-30), ReferralSource.Self, [FundingStream.NoOneLeftBehind], keyWorker.Id, keyWorker.Id, Today, DateTime.UtcNow);
            Assert.True(started.Succeeded, started.Error);
        }

        with?.Invoke(person);
        await app.WithDbAsync(async db =>
        {
            db.Participants.Add(person);
            return await db.SaveChangesAsync();
        });
        return person;
    }

    public static Task<Participant> ReloadAsync(this NolbAppFactory app, Guid participantId) =>
        app.WithDbAsync(db => db.Participants.AsNoTracking()
            .Include(p => p.Engagements).ThenInclude(e => e.StageMoves)
            .Include(p => p.Engagements).ThenInclude(e => e.Assignments)
            .Include(p => p.Consents)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == participantId));

    public static Consent AddConsent(this Participant person, ConsentKind kind, Guid recordedBy, Guid? organisationId = null)
    {
        var consent = new Consent
        {
            ParticipantId = person.Id,
            Kind = kind,
            OrganisationId = organisationId,
            GivenOn = Today.AddDays(-10),
            RecordedByUserId = recordedBy,
            RecordedAt = DateTime.UtcNow,
        };
        person.Consents.Add(consent);
        return consent;
    }

    /// <summary>A surname no other test uses, letters only, so searches and page text find exactly this person.</summary>
    public static string UniqueName(string prefix) =>
        prefix + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))));

    /// <summary>The page's text with entities decoded, for checking what a reader sees.</summary>
    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<string> PageTextAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.TextAsync();
    }

    public static void AssertAccessDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.OriginalString.Replace("https://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}

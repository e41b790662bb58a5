using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Domain.Voice;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.DataRights;

/// <summary>Test data for data rights: people whose support closed on a given day, with the personal data erasure must reach.</summary>
public static class DataRightsData
{
    /// <summary>A person whose one engagement ran from <paramref name="startedOn"/> to <paramref name="leftOn"/> (null: still open).</summary>
    public static Task<Participant> SupportedPersonAsync(
        this NolbAppFactory app, NolbUser keyWorker, DateOnly startedOn, DateOnly? leftOn, string given = "Eilidh", DateOnly? dateOfBirth = null) =>
        app.PersonAsync(NolbAppFactory.Glasgow, null, given: given, dateOfBirth: dateOfBirth, with: p =>
        {
            var started = p.StartEngagement(startedOn, ReferralSource.Self, [FundingStream.NoOneLeftBehind], keyWorker.Id, keyWorker.Id, CaseData.Today, DateTime.UtcNow);
            Assert.True(started.Succeeded, started.Error);
            if (leftOn is { } left)
            {
                var closed = started.Value!.Close(left, LeavingReason.EnteredEmployment, CaseData.Today);
                Assert.True(closed.Succeeded, closed.Error);
            }

            p.Email = $"{p.GivenName.ToLowerInvariant()}.{p.FamilyName.ToLowerInvariant()}@example.org";
            p.NationalInsuranceNumber = "QQ123456C";
            p.AddressLine = "1 Erasure Street";
            p.Postcode = "G1 1AA";
        });

    /// <summary>An outbound referral that shared the person's name, phone and email, an invitation, and a participant account.</summary>
    public static async Task<(Guid ReferralId, Guid AccountId)> SharedEverywhereAsync(this NolbAppFactory app, Participant person, NolbUser keyWorker)
    {
        var account = await app.CreateUserAsync(Role.Participant, NolbAppFactory.Glasgow);
        var referral = new Referral
        {
            Direction = ReferralDirection.Outbound,
            LepId = person.LepId,
            ParticipantId = person.Id,
            SentByUserId = keyWorker.Id,
            SentAt = DateTime.UtcNow.AddDays(-400),
            Reason = $"{person.GivenName} needs help with debt",
            ConsentToShare = true,
            Shared = new SharedDetails { Name = $"{person.GivenName} {person.FamilyName}", Phone = person.Phone, Email = person.Email },
        };
        var (invitation, _) = ParticipantInvitation.Create(person.Id, person.LepId, person.Email!, keyWorker.Id, DateTime.UtcNow.AddDays(-500));
        await app.WithDbAsync(async db =>
        {
            db.Referrals.Add(referral);
            db.ParticipantInvitations.Add(invitation);
            db.OutboxEmails.Add(new Nolb.Web.Infrastructure.OutboxEmail { To = person.Email!, Subject = "See your plan", Body = $"Dear {person.GivenName}", CreatedAt = DateTime.UtcNow });
            await db.Users.Where(u => u.Id == account.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ParticipantId, person.Id));
            return await db.SaveChangesAsync();
        });
        return (referral.Id, account.Id);
    }
}

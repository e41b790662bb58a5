using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain;
using Nolb.Web.Domain.DataRights;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.DataRights;

/// <summary>The default policy: 6 years after the last engagement closed, 2 years after registration with none, 12 months for an unallocated inbound referral.</summary>
public sealed class RetentionTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task A_dry_run_lists_the_records_past_the_policy_and_changes_nothing_then_a_run_anonymises_exactly_those()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var boundary = CaseData.Today.AddYears(-6);
        var pastIt = await app.SupportedPersonAsync(keyWorker, boundary.AddMonths(-6), boundary.AddDays(-1), given: "Pastit");
        var onIt = await app.SupportedPersonAsync(keyWorker, boundary.AddMonths(-6), boundary, given: "Onit");
        var open = await app.SupportedPersonAsync(keyWorker, boundary.AddMonths(-6), null, given: "Open");
        var neverStarted = await app.PersonAsync(given: "Neverstarted");
        var recentlyRegistered = await app.PersonAsync(given: "Recent");
        await RegisteredOnAsync(neverStarted.Id, DateTime.UtcNow.AddYears(-2).AddDays(-1));
        await RegisteredOnAsync(recentlyRegistered.Id, DateTime.UtcNow.AddYears(-2).AddDays(1));
        var oldInbound = await InboundAsync(keyWorker, DateTime.UtcNow.AddMonths(-13));
        var newInbound = await InboundAsync(keyWorker, DateTime.UtcNow.AddMonths(-11));
        using var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);

        var dryRun = await (await admin.SubmitFormAsync("/DataRights/Retention", new(), "/DataRights/Retention?handler=DryRun")).TextAsync();

        Assert.Contains("Dry run: 2 person record(s) and 1 unallocated inbound referral(s)", dryRun);
        Assert.Contains(pastIt.Reference, dryRun);
        Assert.Contains(neverStarted.Reference, dryRun);
        Assert.DoesNotContain(onIt.Reference, dryRun);
        Assert.DoesNotContain(open.Reference, dryRun);
        Assert.DoesNotContain(recentlyRegistered.Reference, dryRun);
        Assert.Equal("Pastit", (await app.ReloadAsync(pastIt.Id)).GivenName);

        var run = await admin.SubmitFormAsync("/DataRights/Retention", new(), "/DataRights/Retention?handler=Run");
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);

        var names = await app.WithDbAsync(db => db.Participants
            .Where(p => new[] { pastIt.Id, onIt.Id, open.Id, neverStarted.Id, recentlyRegistered.Id }.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.GivenName));
        Assert.Equal(("Erased", "Onit", "Open", "Erased", "Recent"),
            (names[pastIt.Id], names[onIt.Id], names[open.Id], names[neverStarted.Id], names[recentlyRegistered.Id]));
        await app.WithDbAsync(async db =>
        {
            Assert.True((await db.Referrals.SingleAsync(r => r.Id == oldInbound)).Shared.IsEmpty);
            Assert.False((await db.Referrals.SingleAsync(r => r.Id == newInbound)).Shared.IsEmpty);
            Assert.Equal(ErasureSource.RetentionPolicy, (await db.ErasureRequests.SingleAsync(r => r.ParticipantId == pastIt.Id)).Source);
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.RetentionRun));
            return true;
        });
    }

    private Task<int> RegisteredOnAsync(Guid participantId, DateTime createdAt) =>
        app.WithDbAsync(db => db.Participants.Where(p => p.Id == participantId).ExecuteUpdateAsync(s => s.SetProperty(p => p.CreatedAt, createdAt)));

    private async Task<Guid> InboundAsync(NolbUser keyWorker, DateTime sentAt)
    {
        var referral = new Referral
        {
            Direction = ReferralDirection.Inbound,
            LepId = keyWorker.LepId!.Value,
            SentByUserId = keyWorker.Id,
            SentAt = sentAt,
            Reason = "Jobcentre referral",
            ConsentToShare = true,
            Shared = new SharedDetails { Name = "Somebody Unallocated", Phone = "0141 496 0001" },
        };
        await app.WithDbAsync(async db =>
        {
            db.Referrals.Add(referral);
            return await db.SaveChangesAsync();
        });
        return referral.Id;
    }
}

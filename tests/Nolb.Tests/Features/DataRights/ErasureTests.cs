using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolb.Tests.Features.CaseActivity;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain;
using Nolb.Web.Domain.DataRights;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Features.Measurement;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.DataRights;

public sealed class ErasureTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static readonly DateOnly LongAgo = CaseData.Today.AddYears(-3);

    [Fact]
    public async Task Erasing_removes_identifying_data_everywhere_records_the_erasure_without_it_and_leaves_every_indicator_unchanged()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.SupportedPersonAsync(keyWorker, LongAgo, LongAgo.AddMonths(8), given: "Fionnuala", dateOfBirth: new DateOnly(2003, 5, 17));
        await app.SupportedPersonAsync(keyWorker, LongAgo.AddDays(3), LongAgo.AddMonths(4), given: "Kept");
        var engagementId = person.Engagements.Single().Id;
        await app.NoteAsync(engagementId, keyWorker, "Fionnuala's sister looks after the children");
        var (referralId, accountId) = await app.SharedEverywhereAsync(person, keyWorker);
        await app.WithDbAsync(async db =>
        {
            db.ParticipantChanges.Add(new ParticipantChange { ParticipantId = person.Id, LepId = person.LepId, Field = "Address", OldValue = "2 Old Road", NewValue = "1 Erasure Street", ChangedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var before = await IndicatorsAsync(person.LepId);

        using var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);
        var page = $"/DataRights/Person/{person.Id}/Erasure";
        var response = await admin.SubmitFormAsync(page, new()
        {
            ["ReceivedOn"] = CaseData.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Decision"] = "Erased",
            ["Reason"] = "Asked by letter; no legal reason to keep",
            ["ConfirmReference"] = person.Reference,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var erased = await app.ReloadAsync(person.Id);
        Assert.Equal(("Erased", "record", null, null, null, null), (erased.GivenName, erased.FamilyName, erased.Email, erased.NationalInsuranceNumber, erased.AddressLine, erased.Postcode));
        Assert.Null(erased.Phone);
        Assert.NotEqual(new DateOnly(2003, 5, 17), erased.DateOfBirth);
        Assert.NotNull(erased.ErasedAt);
        Assert.Equal(person.Reference, erased.Reference);
        await app.WithDbAsync(async db =>
        {
            Assert.All(await db.CaseNotes.Where(n => n.EngagementId == engagementId).ToListAsync(), n => Assert.Equal("[erased]", n.Text));
            var referral = await db.Referrals.SingleAsync(r => r.Id == referralId);
            Assert.True(referral.Shared.IsEmpty);
            Assert.DoesNotContain("Fionnuala", referral.Reason, StringComparison.Ordinal);
            Assert.False(await db.ParticipantInvitations.AnyAsync(i => i.ParticipantId == person.Id));
            Assert.False(await db.OutboxEmails.AnyAsync(m => m.To == person.Email));
            Assert.False(await db.ParticipantChanges.AnyAsync(c => c.ParticipantId == person.Id));
            var account = await db.Users.SingleAsync(u => u.Id == accountId);
            Assert.True(account.IsDisabled);
            Assert.DoesNotContain("example.org", account.Email, StringComparison.Ordinal);
            var decision = await db.ErasureRequests.SingleAsync(r => r.ParticipantId == person.Id);
            Assert.Equal((ErasureDecision.Erased, ErasureSource.PersonsRequest), (decision.Decision, decision.Source));
            var audit = await db.AuditEntries.SingleAsync(a => a.EntityId == person.Id.ToString() && a.Action == AuditAction.Erased);
            Assert.DoesNotContain("Fionnuala", audit.Detail ?? "", StringComparison.Ordinal);
            return true;
        });
        Assert.Equal(before, await IndicatorsAsync(person.LepId));
    }

    [Fact]
    public async Task Erasure_is_refused_while_the_engagement_is_open_and_the_refusal_is_recorded_with_its_reason()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.SupportedPersonAsync(keyWorker, LongAgo, null, given: "Ailsa");
        using var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);
        var page = $"/DataRights/Person/{person.Id}/Erasure";

        var erase = await admin.SubmitFormAsync(page, new()
        {
            ["ReceivedOn"] = CaseData.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Decision"] = "Erased",
            ["Reason"] = "Asked",
            ["ConfirmReference"] = person.Reference,
        });

        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Contains("The person has an open engagement", await erase.TextAsync());
        Assert.Equal("Ailsa", (await app.ReloadAsync(person.Id)).GivenName);

        var refuse = await admin.SubmitFormAsync(page, new()
        {
            ["ReceivedOn"] = CaseData.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Decision"] = "Refused",
            ["Reason"] = "Support is still going on",
        });
        Assert.Equal(HttpStatusCode.Redirect, refuse.StatusCode);
        var decision = await app.WithDbAsync(db => db.ErasureRequests.SingleAsync(r => r.ParticipantId == person.Id));
        Assert.Equal((ErasureDecision.Refused, "Support is still going on"), (decision.Decision, decision.Reason));
        Assert.Equal("Ailsa", (await app.ReloadAsync(person.Id)).GivenName);
    }

    [Fact]
    public async Task Erasure_waits_for_the_funding_audit_hold_after_an_engagement_closes()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.SupportedPersonAsync(keyWorker, CaseData.Today.AddMonths(-6), CaseData.Today.AddMonths(-2), given: "Rhona");
        using var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);

        var erase = await admin.SubmitFormAsync($"/DataRights/Person/{person.Id}/Erasure", new()
        {
            ["ReceivedOn"] = CaseData.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Decision"] = "Erased",
            ["Reason"] = "Asked",
            ["ConfirmReference"] = person.Reference,
        });

        Assert.Contains("Funding audit hold", await erase.TextAsync());
        Assert.Equal("Rhona", (await app.ReloadAsync(person.Id)).GivenName);
    }

    /// <summary>Every live indicator (pending ones cannot be computed) for the LEP over the last five financial years, by age band, sex and ethnicity, as JSON.</summary>
    private async Task<string> IndicatorsAsync(Guid lepId)
    {
        using var scope = app.Services.CreateScope();
        var data = scope.ServiceProvider.GetRequiredService<MeasurementData>();
        var results = new List<IndicatorResult>();
        for (var year = LongAgo.Year - 1; year <= CaseData.Today.Year; year++)
        {
            var period = ReportingPeriod.FinancialYear(year);
            var facts = await data.LoadAsync(new MeasurementScope(lepId), period, CancellationToken.None);
            foreach (var indicator in MeasurementData.Catalogue.Indicators.Where(i => i.IsLive))
            {
                foreach (var breakdown in new[] { "age-band", "sex", "ethnicity" })
                {
                    results.Add(data.Compute(indicator, facts, period, [breakdown]));
                }
            }
        }

        return JsonSerializer.Serialize(results);
    }
}

using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Measurement;

/// <summary>People started on a given day, and their job entries, for the measurement tests' hand-built LEPs.</summary>
public static class MeasurementPeople
{
    public static async Task<Participant> StartedAsync(
        this NolbAppFactory app, NolbUser worker, string lepCode, DateOnly start, Sex? sex, string? postcode = null) =>
        await app.PersonAsync(lepCode, given: "Eilidh", dateOfBirth: start.AddYears(-30), with: p =>
        {
            p.Equality.Sex = sex;
            p.Postcode = postcode;
            var started = p.StartEngagement(start, ReferralSource.Self, [FundingStream.NoOneLeftBehind], worker.Id, worker.Id, CaseData.Today, DateTime.UtcNow);
            Assert.True(started.Succeeded, started.Error);
        });

    public static async Task ManyStartedAsync(this NolbAppFactory app, NolbUser worker, string lepCode, DateOnly start, Sex? sex, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await app.StartedAsync(worker, lepCode, start, sex);
        }
    }

    /// <summary>
    /// Two national analysts, as publishing needs (one prepares a draft, another approves it): the first analyst, and an
    /// API client for each. The caller disposes the clients.
    /// </summary>
    public static async Task<(NolbUser Analyst, HttpClient Preparer, HttpClient Approver)> TwoAnalystsAsync(this NolbAppFactory app)
    {
        var analyst = await app.CreateUserAsync(Role.NationalAnalyst);
        var approver = await app.CreateUserAsync(Role.NationalAnalyst);
        return (analyst, await app.ApiClientAsync(analyst.Email!), await app.ApiClientAsync(approver.Email!));
    }

    public static Task<int> JobEntryAsync(this NolbAppFactory app, Participant person, NolbUser worker, DateOnly on) =>
        app.WithDbAsync(async db =>
        {
            var engagement = person.Engagements.Single();
            db.Outcomes.Add(new Outcome
            {
                EngagementId = engagement.Id,
                LepId = engagement.LepId,
                Kind = OutcomeKind.JobEntry,
                StartDate = on,
                OrganisationName = "Test employer",
                JobTitle = "Care assistant",
                RecordedByUserId = worker.Id,
                RecordedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
}

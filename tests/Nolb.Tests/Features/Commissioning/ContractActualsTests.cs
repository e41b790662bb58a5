using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Employers;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Interventions;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Domain.ServiceDirectory;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Commissioning;

/// <summary>
/// Actuals computed from case data built by hand, with the answer worked out here from the attribution rule
/// (Domain/Commissioning/ContractActuals.cs), and the RAG rating and costs that follow from them.
/// </summary>
public sealed class ContractActualsTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static int Y => CommissioningTestData.PastYear.StartYear;

    private static DateOnly D(int yearOffset, int month, int day) => new(Y + yearOffset, month, day);

    [Fact]
    public async Task Starts_progressions_and_job_outcomes_are_attributed_by_stream_partner_lep_and_period()
    {
        var worker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        var fifeWorker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Fife);
        var partner = await app.PartnerAsync(lepCode: null);
        var other = await app.PartnerAsync();
        var service = await ServiceAsync(partner.Id);

        // A: partner's intervention in Q1 is the start; moves up in Q1, Q2, back in Q2 (not counted), up again in Q3; a job in Q3.
        var a = await EngagementAsync(worker, NolbAppFactory.Glasgow, D(0, 4, 10), [FundingStream.NoOneLeftBehind],
            (PipelineStage.NeedsAssessmentAndBarrierRemoval, D(0, 5, 10)), (PipelineStage.VocationalActivity, D(0, 8, 1)),
            (PipelineStage.NeedsAssessmentAndBarrierRemoval, D(0, 9, 1)), (PipelineStage.EmployerEngagementAndJobMatching, D(0, 10, 5)));
        await InterventionAsync(a, worker, partner.Id, D(0, 5, 1));
        await JobAsync(a, D(0, 11, 1), worker);

        // B: started before the contract; a move before the partner's support does not count; the referral accepted in Q2 is the start,
        // a later intervention does not start it again; a move in Q2 counts.
        var b = await EngagementAsync(worker, NolbAppFactory.Glasgow, D(0, 3, 1), [FundingStream.NoOneLeftBehind, FundingStream.ParentalEmployabilitySupport],
            (PipelineStage.NeedsAssessmentAndBarrierRemoval, D(0, 3, 15)), (PipelineStage.VocationalActivity, D(0, 8, 10)));
        await ReferralAsync(b, worker, partner.Id, service, D(0, 7, 20), accepted: true);
        await InterventionAsync(b, worker, partner.Id, D(0, 9, 1));

        // C: the wrong funding stream. D: another organisation's support. E: a referral not (yet) accepted.
        var c = await EngagementAsync(worker, NolbAppFactory.Glasgow, D(0, 4, 2), [FundingStream.YoungPersonsGuarantee], (PipelineStage.VocationalActivity, D(0, 6, 10)));
        await InterventionAsync(c, worker, partner.Id, D(0, 6, 1));
        await JobAsync(c, D(0, 7, 1), worker);
        var d = await EngagementAsync(worker, NolbAppFactory.Glasgow, D(0, 4, 2), [FundingStream.NoOneLeftBehind], (PipelineStage.VocationalActivity, D(0, 6, 10)));
        await InterventionAsync(d, worker, other.Id, D(0, 6, 1));
        await JobAsync(d, D(0, 7, 1), worker);
        var e = await EngagementAsync(worker, NolbAppFactory.Glasgow, D(0, 4, 2), [FundingStream.NoOneLeftBehind]);
        await ReferralAsync(e, worker, partner.Id, service, D(0, 5, 1), accepted: false);

        // F: another LEP's engagement, supported by the same (national) partner. G: the partner's support came before the period only.
        var f = await EngagementAsync(fifeWorker, NolbAppFactory.Fife, D(0, 4, 2), [FundingStream.NoOneLeftBehind], (PipelineStage.VocationalActivity, D(0, 6, 10)));
        await InterventionAsync(f, fifeWorker, partner.Id, D(0, 5, 1));
        var g = await EngagementAsync(worker, NolbAppFactory.Glasgow, D(-1, 12, 1), [FundingStream.NoOneLeftBehind]);
        await InterventionAsync(g, worker, partner.Id, D(0, 3, 20));
        await JobAsync(g, D(0, 4, 15), worker);

        var manager = await app.ManagerAsync();
        var contract = await manager.CreateContractAsync(CommissioningTestData.Contract(partner.Id));
        var id = contract.GetProperty("id").GetGuid();
        var afterQ1 = await (await manager.PostAsync($"/api/v1/contracts/{id}/spend", new { financialYear = Y, quarter = 1, amount = 2000m }, contract.ETag())).OkJsonAsync();
        await (await manager.PostAsync($"/api/v1/contracts/{id}/spend", new { financialYear = Y, quarter = 2, amount = 3000m }, afterQ1.ETag())).OkJsonAsync();

        var performance = await (await manager.GetAsync($"/api/v1/contracts/{id}/performance")).OkJsonAsync();

        // Starts: A in Q1, B in Q2. Progressions: A in Q1, Q2 and Q3; B in Q2. Job outcomes: A in Q3.
        var quarters = performance.GetProperty("quarters").EnumerateArray().ToList();
        Assert.Equal([1, 1, 0, 0], quarters.Select(q => q.GetProperty("actualStarts").GetInt32()));
        Assert.Equal([1, 2, 1, 0], quarters.Select(q => q.GetProperty("progressions").GetInt32()));
        Assert.Equal([0, 0, 1, 0], quarters.Select(q => q.GetProperty("actualJobOutcomes").GetInt32()));
        Assert.All(quarters, q => Assert.True(q.GetProperty("ended").GetBoolean()));

        // To date: 2 of 4 starts and 1 of 2 job outcomes profiled, both 50%, so red (below 80%).
        Assert.Equal(4, performance.GetProperty("starts").GetProperty("profile").GetInt32());
        Assert.Equal(2, performance.GetProperty("starts").GetProperty("actual").GetInt32());
        Assert.Equal(50, performance.GetProperty("starts").GetProperty("percent").GetInt32());
        Assert.Equal("Red", performance.GetProperty("starts").GetProperty("rag").GetString());
        Assert.Equal("Red", performance.GetProperty("jobOutcomes").GetProperty("rag").GetString());
        Assert.Equal("Red", performance.GetProperty("overall").GetString());

        // Spend £5,000 of £10,000: £2,500 per start (2) and £5,000 per job outcome (1).
        Assert.Equal(5000m, performance.GetProperty("spendToDate").GetDecimal());
        Assert.Equal(50, performance.GetProperty("spendPercentOfBudget").GetInt32());
        Assert.Equal(2500m, performance.GetProperty("costPerStart").GetDecimal());
        Assert.Equal(5000m, performance.GetProperty("costPerJobOutcome").GetDecimal());
        Assert.Equal(10000m, performance.GetProperty("profileSpendToDate").GetDecimal());
    }

    [Fact]
    public async Task A_contract_naming_services_counts_only_referrals_to_them_and_meeting_the_profile_is_green()
    {
        var worker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        var partner = await app.PartnerAsync();
        var named = await ServiceAsync(partner.Id);
        var unnamed = await ServiceAsync(partner.Id);
        foreach (var (service, month) in new[] { (named, 5), (named, 8), (named, 8), (named, 11), (unnamed, 5) })
        {
            var engagement = await EngagementAsync(worker, NolbAppFactory.Glasgow, D(0, 4, 1), [FundingStream.NoOneLeftBehind]);
            await ReferralAsync(engagement, worker, partner.Id, service, D(0, month, 3), accepted: true);
            if (month == 11)
            {
                await JobAsync(engagement, D(0, 12, 1), worker);
                await JobAsync(engagement, D(1, 2, 1), worker);
            }
        }

        var manager = await app.ManagerAsync();
        var body = CommissioningTestData.Contract(partner.Id);
        body["serviceIds"] = new[] { named };
        var contract = await manager.CreateContractAsync(body);

        var performance = await (await manager.GetAsync($"/api/v1/contracts/{contract.GetProperty("id").GetGuid()}/performance")).OkJsonAsync();

        // Four referrals to the named service, one a quarter as profiled (1, 2, 1) and two job outcomes (Q3 and Q4): 100% each, green.
        Assert.Equal([1, 2, 1, 0], performance.GetProperty("quarters").EnumerateArray().Select(q => q.GetProperty("actualStarts").GetInt32()));
        Assert.Equal("Green", performance.GetProperty("starts").GetProperty("rag").GetString());
        Assert.Equal("Green", performance.GetProperty("jobOutcomes").GetProperty("rag").GetString());
        Assert.Equal("Green", performance.GetProperty("overall").GetString());
        Assert.Equal(JsonValueKind.Null, performance.GetProperty("costPerStart").ValueKind);
    }

    private async Task<Guid> ServiceAsync(Guid organisationId)
    {
        var glasgow = await app.LepIdAsync(NolbAppFactory.Glasgow);
        var service = new DirectoryService { OrganisationId = organisationId, LepId = glasgow, Name = CaseData.UniqueName("Service"), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        await app.WithDbAsync(async db =>
        {
            db.DirectoryServices.Add(service);
            return await db.SaveChangesAsync();
        });
        return service.Id;
    }

    private async Task<(Guid ParticipantId, Guid EngagementId, Guid LepId, DateOnly Start)> EngagementAsync(
        NolbUser worker, string lep, DateOnly start, FundingStream[] streams, params (PipelineStage Stage, DateOnly Date)[] moves)
    {
        var person = await app.PersonAsync(lep, with: p =>
        {
            var engagement = p.StartEngagement(start, ReferralSource.Self, streams, worker.Id, worker.Id, CaseData.Today, DateTime.UtcNow).Value!;
            foreach (var (stage, date) in moves)
            {
                Assert.True(engagement.MoveTo(stage, date, "Test set-up", worker.Id, CaseData.Today, DateTime.UtcNow).Succeeded);
            }
        });
        return (person.Id, person.Engagements.Single().Id, person.LepId, start);
    }

    private Task<int> InterventionAsync((Guid ParticipantId, Guid EngagementId, Guid LepId, DateOnly Start) e, NolbUser worker, Guid partnerId, DateOnly date) =>
        app.WithDbAsync(async db =>
        {
            var intervention = new Intervention { EngagementId = e.EngagementId, LepId = e.LepId, RecordedByUserId = worker.Id, RecordedAt = DateTime.UtcNow };
            var typeId = await db.InterventionTypes.Select(t => t.Id).FirstAsync();
            Assert.Empty(intervention.Apply(
                new InterventionDetails(typeId, DeliveredBy.PartnerOrganisation, partnerId, date, null, 2, InterventionOutcome.Ongoing, null, null, null, null), e.Start, CaseData.Today));
            db.Interventions.Add(intervention);
            return await db.SaveChangesAsync();
        });

    private Task<int> ReferralAsync((Guid ParticipantId, Guid EngagementId, Guid LepId, DateOnly Start) e, NolbUser worker, Guid partnerId, Guid serviceId, DateOnly on, bool accepted) =>
        app.WithDbAsync(async db =>
        {
            var sent = on.AddDays(-2).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
            var referral = new Referral
            {
                Direction = ReferralDirection.Outbound,
                LepId = e.LepId,
                ParticipantId = e.ParticipantId,
                ServiceId = serviceId,
                ToOrganisationId = partnerId,
                SentByUserId = worker.Id,
                SentAt = sent,
                Reason = "Test set-up",
                ConsentToShare = true,
            };
            if (accepted)
            {
                Assert.True(referral.Accept(worker.Id, on.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc)).Succeeded);
            }

            db.Referrals.Add(referral);
            return await db.SaveChangesAsync();
        });

    private Task<int> JobAsync((Guid ParticipantId, Guid EngagementId, Guid LepId, DateOnly Start) e, DateOnly start, NolbUser worker) =>
        app.WithDbAsync(async db =>
        {
            db.Outcomes.Add(new Outcome
            {
                EngagementId = e.EngagementId,
                LepId = e.LepId,
                Kind = OutcomeKind.JobEntry,
                StartDate = start,
                OrganisationName = "Test employer",
                JobTitle = "Care assistant",
                RecordedByUserId = worker.Id,
                RecordedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
}

using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Nolb.Tests.Features.Employers;
using Nolb.Tests.Features.Participants;
using Nolb.Tests.Features.ServiceDirectory;
using Nolb.Web.Data;
using Nolb.Web.Domain.Interventions;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Security;
using Npgsql;

namespace Nolb.Tests.Features.Improvement;

/// <summary>
/// The services on the journey map through HTTP, on hand-built case data in a database of its own (so every count is known):
/// six Glasgow people in stage 2 with one intervention and a referral to Money Advice each, two Glasgow people in stage 1
/// referred to Housing Options, one Glasgow person with no services, and five Fife people referred to the same Money Advice service by Fife.
/// </summary>
public sealed class JourneyServicesApiTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private const PipelineStage S1 = PipelineStage.EngagementReferralAndAssessment;
    private const PipelineStage S2 = PipelineStage.NeedsAssessmentAndBarrierRemoval;
    private static readonly DateOnly Start = CaseData.Today.AddDays(-60);

    [Fact]
    public async Task The_map_counts_people_using_each_service_by_stage_in_the_leps_own_case_data_with_small_counts_suppressed()
    {
        var suffix = CaseData.UniqueName("");
        var worker = await app.StaffAsync(Role.KeyWorker);
        var fifeWorker = await app.StaffAsync(Role.KeyWorker, NolbAppFactory.Fife);
        var organisation = await app.OrganisationAsync(name: $"Citizens Advice {suffix}");
        var moneyAdvice = await app.ServiceAsync(organisation, name: $"Money Advice {suffix}");
        var housing = await app.ServiceAsync(organisation, name: $"Housing Options {suffix}");
        var type = await app.WithDbAsync(db => db.InterventionTypes.Include(t => t.Category).OrderBy(t => t.Code).FirstAsync());

        await SupportedInStageTwoAsync(worker, NolbAppFactory.Glasgow, 6, type.Id, moneyAdvice.Id);
        for (var i = 0; i < 2; i++)
        {
            var e = await EngagementAsync(worker, NolbAppFactory.Glasgow);
            await ReferralAsync(e, worker, housing.Id, Start.AddDays(5));
        }

        // One more with no services: a second small route.
        await EngagementAsync(worker, NolbAppFactory.Glasgow);

        await SupportedInStageTwoAsync(fifeWorker, NolbAppFactory.Fife, 5, type.Id, moneyAdvice.Id);

        var manager = await app.StaffAsync(Role.LepManager);
        var fifeManager = await app.StaffAsync(Role.LepManager, NolbAppFactory.Fife);
        using var api = await app.ApiClientAsync(manager.Email!);
        using var fifeApi = await app.ApiClientAsync(fifeManager.Email!);

        JsonElement map;
        int queries;
        using (var counter = new CommandCounter(app.Database))
        {
            map = await (await api.GetAsync("/api/v1/journeys")).OkJsonAsync();
            queries = counter.Count;
        }

        var stages = map.GetProperty("stageServices").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetInt32());
        Assert.Equal(9, stages[1].GetProperty("peopleReached").GetProperty("value").GetInt32());
        Assert.Equal(6, stages[2].GetProperty("peopleReached").GetProperty("value").GetInt32());

        // Money Advice: the six Glasgow people only; Fife's five referrals to the same service are Fife's.
        var money = stages[2].GetProperty("referrals").EnumerateArray().Single();
        Assert.Equal(($"Money Advice {suffix}", $"Citizens Advice {suffix}", 6), (money.GetProperty("name").GetString(), money.GetProperty("group").GetString(), Value(money)));
        Assert.Equal("[low]", money.GetProperty("shareDisplay").GetString());
        var intervention = stages[2].GetProperty("interventions").EnumerateArray().Single();
        Assert.Equal((type.Name, type.Category!.Name, 6), (intervention.GetProperty("name").GetString(), intervention.GetProperty("group").GetString(), Value(intervention)));

        // Two people referred to Housing Options while in stage 1: suppressed.
        var housingCount = stages[1].GetProperty("referrals").EnumerateArray().Single().GetProperty("people");
        Assert.Equal((JsonValueKind.Null, "[c]"), (housingCount.GetProperty("value").ValueKind, housingCount.GetProperty("display").GetString()));

        var routes = map.GetProperty("serviceRoutes").EnumerateArray().ToDictionary(r => r.GetProperty("route").GetString()!);
        // Routes of 6, 2 and 1 out of 9 people: with only the 2 and the 1 hidden, 9 − 6 = 3 would leave each 1 or 2, so the
        // 6 is hidden too (issue point 3: a hidden count keeps at least four possible values).
        Assert.Equal("[c]", routes[$"Stage 1 → Stage 2 ({type.Category.Name}; referral to Money Advice {suffix})"].GetProperty("people").GetProperty("display").GetString());
        Assert.Equal("[c]", routes[$"Stage 1 (referral to Housing Options {suffix})"].GetProperty("people").GetProperty("display").GetString());

        var fife = await (await fifeApi.GetAsync("/api/v1/journeys")).OkJsonAsync();
        var fifeMoney = fife.GetProperty("stageServices").EnumerateArray().Single(s => s.GetProperty("stage").GetInt32() == 2).GetProperty("referrals").EnumerateArray().Single();
        Assert.Equal(5, Value(fifeMoney));

        // Five more people with services: the map reads them with the same number of queries.
        await SupportedInStageTwoAsync(worker, NolbAppFactory.Glasgow, 5, type.Id, moneyAdvice.Id);
        using (var counter = new CommandCounter(app.Database))
        {
            var bigger = await (await api.GetAsync("/api/v1/journeys")).OkJsonAsync();
            Assert.Equal(11, Value(bigger.GetProperty("stageServices")[1].GetProperty("referrals")[0]));
            Assert.True(queries >= 4, $"{queries} commands counted");
            Assert.Equal(queries, counter.Count);
        }

        using var pages = await app.PageClientAsync(manager.Email!);
        var page = await pages.PageTextAsync("/Journeys");
        Assert.Contains("Referrals in each stage", page, StringComparison.Ordinal);
        Assert.Contains($"Money Advice {suffix}", page, StringComparison.Ordinal);
        Assert.Contains($"Stage 1 → Stage 2 ({type.Category.Name}; referral to Money Advice {suffix})", page, StringComparison.Ordinal);
    }

    private static int Value(JsonElement count) => count.GetProperty("people").GetProperty("value").GetInt32();

    private async Task SupportedInStageTwoAsync(NolbUser worker, string lep, int people, Guid typeId, Guid serviceId)
    {
        for (var i = 0; i < people; i++)
        {
            var e = await EngagementAsync(worker, lep, (S2, Start.AddDays(20)));
            await InterventionAsync(e, worker, typeId, Start.AddDays(30));
            await ReferralAsync(e, worker, serviceId, Start.AddDays(35));
        }
    }

    private async Task<(Guid ParticipantId, Guid EngagementId, Guid LepId)> EngagementAsync(NolbUser worker, string lep, params (PipelineStage Stage, DateOnly Date)[] moves)
    {
        var person = await app.PersonAsync(lep, with: p =>
        {
            var engagement = p.StartEngagement(Start, ReferralSource.Self, [FundingStream.NoOneLeftBehind], worker.Id, worker.Id, CaseData.Today, DateTime.UtcNow).Value!;
            foreach (var (stage, date) in moves)
            {
                Assert.True(engagement.MoveTo(stage, date, "Test set-up", worker.Id, CaseData.Today, DateTime.UtcNow).Succeeded);
            }
        });
        return (person.Id, person.Engagements.Single().Id, person.LepId);
    }

    private Task<int> InterventionAsync((Guid ParticipantId, Guid EngagementId, Guid LepId) e, NolbUser worker, Guid typeId, DateOnly date) =>
        app.WithDbAsync(async db =>
        {
            var intervention = new Intervention { EngagementId = e.EngagementId, LepId = e.LepId, RecordedByUserId = worker.Id, RecordedAt = DateTime.UtcNow };
            Assert.Empty(intervention.Apply(
                new InterventionDetails(typeId, DeliveredBy.OwnTeam, null, date, null, 2, InterventionOutcome.Ongoing, null, null, null, null), Start, CaseData.Today));
            db.Interventions.Add(intervention);
            return await db.SaveChangesAsync();
        });

    private Task<int> ReferralAsync((Guid ParticipantId, Guid EngagementId, Guid LepId) e, NolbUser worker, Guid serviceId, DateOnly on) =>
        app.WithDbAsync(async db =>
        {
            db.Referrals.Add(new Referral
            {
                Direction = ReferralDirection.Outbound,
                LepId = e.LepId,
                ParticipantId = e.ParticipantId,
                ServiceId = serviceId,
                SentByUserId = worker.Id,
                SentAt = on.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
                Reason = "Test set-up",
                ConsentToShare = true,
            });
            return await db.SaveChangesAsync();
        });

    /// <summary>
    /// Counts the commands, from any context (the journey map reads through its own reporting context), run on this fixture's
    /// database: each fixture has a database of its own, so the commands of other test classes running at the same time are not
    /// counted. Nothing else runs in the background here (the retention schedule is off in tests).
    /// </summary>
    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string database;
        private readonly List<IDisposable> subscriptions = [];
        private int count;

        public CommandCounter(TestDatabase db)
        {
            database = db.Provider == DatabaseProvider.Sqlite
                ? new SqliteConnectionStringBuilder(db.ConnectionString).DataSource
                : new NpgsqlConnectionStringBuilder(db.ConnectionString).Database!;
            subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public int Count => Volatile.Read(ref count);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (subscriptions)
                {
                    subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
                && data.Command.Connection?.ConnectionString.Contains(database, StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (subscriptions)
            {
                subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}

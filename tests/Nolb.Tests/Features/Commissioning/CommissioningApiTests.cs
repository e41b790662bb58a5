using System.Net;
using System.Net.Http.Json;
using Nolb.Tests.Features.Employers;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Security;
using static Nolb.Tests.Features.Participants.ParticipantApiClient;

namespace Nolb.Tests.Features.Commissioning;

/// <summary>
/// Funding allocations, contracts, profiles, spend and the decision log through the API: money and profile validation,
/// concurrency, and who may see and change what (another LEP's answers 404; a partner reads only its own organisation's).
/// </summary>
public sealed class CommissioningApiTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static int Y => CommissioningTestData.PastYear.StartYear;

    [Fact]
    public async Task An_allocation_is_one_per_stream_and_year_checks_its_amount_and_refuses_a_stale_change()
    {
        var manager = await app.ManagerAsync("S12000036");
        var created = await (await manager.PostAsJsonAsync("/api/v1/funding", new { stream = "YoungPersonsGuarantee", financialYear = 2026, amount = 250000.50m, notes = "Grant letter" }))
            .OkJsonAsync(HttpStatusCode.Created);
        Assert.Equal("2026-27", created.GetProperty("yearLabel").GetString());

        var twice = await manager.PostAsJsonAsync("/api/v1/funding", new { stream = "YoungPersonsGuarantee", financialYear = 2026, amount = 1m });
        Assert.Equal(["financialYear"], await twice.ErrorFieldsAsync());
        var bad = await manager.PostAsJsonAsync("/api/v1/funding", new { stream = "NoOneLeftBehind", financialYear = 1999, amount = -5m });
        Assert.Equal(["amount", "financialYear"], (await bad.ErrorFieldsAsync()).Order());
        var pence = await manager.PostAsJsonAsync("/api/v1/funding", new { stream = "NoOneLeftBehind", financialYear = 2026, amount = 10.005m });
        Assert.Equal(["amount"], await pence.ErrorFieldsAsync());

        var url = $"/api/v1/funding/{created.GetProperty("id").GetGuid()}";
        var changed = await (await manager.PutAsync(url, new { amount = 300000m }, created.ETag())).OkJsonAsync();
        Assert.Equal(300000m, changed.GetProperty("amount").GetDecimal());
        var stale = await manager.PutAsync(url, new { amount = 1m }, created.ETag());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await manager.PutAsync(url, new { amount = 1m }, null)).StatusCode);

        var fife = await app.ManagerAsync(NolbAppFactory.Fife);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.PutAsync(url, new { amount = 1m }, changed.ETag())).StatusCode);
        var fifeList = await (await fife.GetAsync("/api/v1/funding")).OkJsonAsync();
        Assert.DoesNotContain(fifeList.EnumerateArray(), a => a.GetProperty("id").GetGuid() == created.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_contract_with_bad_terms_names_every_field_to_fix_and_is_not_saved()
    {
        var manager = await app.ManagerAsync();
        var fifePartner = await app.PartnerAsync(NolbAppFactory.Fife);
        var body = CommissioningTestData.Contract(fifePartner.Id, withProfile: false);
        body["endDate"] = CommissioningTestData.PastYear.Start.AddDays(-1).Iso();
        body["budget"] = 0m;
        body["expectedJobOutcomes"] = 5;
        body["title"] = " ";

        var response = await manager.PostAsJsonAsync("/api/v1/contracts", body);

        Assert.Equal(["budget", "endDate", "expectedJobOutcomes", "partnerOrganisationId", "title"], (await response.ErrorFieldsAsync()).Order());
        var contracts = await (await manager.GetAsync("/api/v1/contracts")).OkJsonAsync();
        Assert.DoesNotContain(contracts.EnumerateArray(), c => c.GetProperty("partnerOrganisationId").GetGuid() == fifePartner.Id);
    }

    [Fact]
    public async Task A_profile_must_fit_the_period_and_add_up_to_what_is_expected()
    {
        var manager = await app.ManagerAsync();
        var partner = await app.PartnerAsync();
        var body = CommissioningTestData.Contract(partner.Id);
        body["profile"] = new[]
        {
            new { financialYear = Y, quarter = 1, starts = 1, jobOutcomes = 0, spend = 6000m },
            new { financialYear = Y, quarter = 2, starts = 1, jobOutcomes = 1, spend = 6000m },
        };
        var sums = await manager.PostAsJsonAsync("/api/v1/contracts", body);
        var errors = (await sums.JsonAsync()).GetProperty("errors").GetProperty("profile").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains("starts add up to 2, but the contract expects 4", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("more than the budget", StringComparison.Ordinal));

        body["profile"] = new[] { new { financialYear = Y + 1, quarter = 1, starts = 4, jobOutcomes = 2, spend = 0m } };
        Assert.Equal(["profile[0]"], await (await manager.PostAsJsonAsync("/api/v1/contracts", body)).ErrorFieldsAsync());

        body.Remove("profile");
        var contract = await manager.CreateContractAsync(body);
        Assert.Empty(contract.GetProperty("profile").EnumerateArray());
        body["profile"] = CommissioningTestData.Contract(partner.Id)["profile"];
        var profiled = await (await manager.PutAsync($"/api/v1/contracts/{contract.GetProperty("id").GetGuid()}", body, contract.ETag())).OkJsonAsync();
        Assert.Equal([1, 2, 1, 0], profiled.GetProperty("profile").EnumerateArray().Select(q => q.GetProperty("starts").GetInt32()));
    }

    [Fact]
    public async Task Spend_is_recorded_per_quarter_never_beyond_the_budget_or_in_a_future_quarter_and_a_stale_version_is_refused()
    {
        var manager = await app.ManagerAsync();
        var partner = await app.PartnerAsync();
        var body = CommissioningTestData.Contract(partner.Id, withProfile: false);
        body["endDate"] = Today.AddYears(2).Iso();
        var contract = await manager.CreateContractAsync(body);
        var url = $"/api/v1/contracts/{contract.GetProperty("id").GetGuid()}/spend";

        var first = await (await manager.PostAsync(url, new { financialYear = Y, quarter = 1, amount = 4000m, note = "Claim 1" }, contract.ETag())).OkJsonAsync();
        var replaced = await (await manager.PostAsync(url, new { financialYear = Y, quarter = 1, amount = 4500m }, first.ETag())).OkJsonAsync();
        Assert.Equal(4500m, replaced.GetProperty("spendRecorded").GetDecimal());
        Assert.Single(replaced.GetProperty("spend").EnumerateArray());

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await manager.PostAsync(url, new { financialYear = Y, quarter = 2, amount = 1m }, first.ETag())).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await manager.PostAsync(url, new { financialYear = Y, quarter = 2, amount = 1m }, null)).StatusCode);
        var over = await manager.PostAsync(url, new { financialYear = Y, quarter = 2, amount = 5500.01m }, replaced.ETag());
        Assert.Equal(["amount"], await over.ErrorFieldsAsync());
        var future = FinancialQuarterAfterNext();
        var early = await manager.PostAsync(url, new { financialYear = future.Year, quarter = future.Number, amount = 1m }, replaced.ETag());
        Assert.Equal(["quarter"], await early.ErrorFieldsAsync());
        var outside = await manager.PostAsync(url, new { financialYear = Y - 1, quarter = 4, amount = 1m }, replaced.ETag());
        Assert.Equal(["quarter"], await outside.ErrorFieldsAsync());

        var shrink = new Dictionary<string, object?>(body) { ["budget"] = 4000m };
        Assert.Equal(["budget"], await (await manager.PutAsync($"/api/v1/contracts/{contract.GetProperty("id").GetGuid()}", shrink, replaced.ETag())).ErrorFieldsAsync());
    }

    [Fact]
    public async Task Another_leps_contract_is_not_found_and_a_partner_reads_only_its_own_organisations()
    {
        var manager = await app.ManagerAsync();
        var partner = await app.PartnerAsync();
        var contract = await manager.CreateContractAsync(CommissioningTestData.Contract(partner.Id));
        var id = contract.GetProperty("id").GetGuid();
        var body = CommissioningTestData.Contract(partner.Id);

        var fife = await app.ManagerAsync(NolbAppFactory.Fife);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/api/v1/contracts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/api/v1/contracts/{id}/performance")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.PutAsync($"/api/v1/contracts/{id}", body, contract.ETag())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.PostAsync($"/api/v1/contracts/{id}/spend", new { financialYear = Y, quarter = 1, amount = 1m }, contract.ETag())).StatusCode);
        Assert.DoesNotContain((await (await fife.GetAsync("/api/v1/contracts")).OkJsonAsync()).EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);

        var partnerWorker = await app.CreateUserAsync(Role.PartnerWorker, organisationId: partner.Id);
        var own = await app.ApiClientAsync(partnerWorker.Email!);
        Assert.Equal([id], (await (await own.GetAsync("/api/v1/contracts")).OkJsonAsync()).EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/api/v1/contracts/{id}/performance")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.PutAsync($"/api/v1/contracts/{id}", body, contract.ETag())).StatusCode);

        var otherWorker = await app.CreateUserAsync(Role.PartnerWorker, organisationId: (await app.PartnerAsync()).Id);
        var other = await app.ApiClientAsync(otherWorker.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/contracts/{id}/performance")).StatusCode);

        var keyWorker = await app.ApiClientAsync((await app.CreateUserAsync(Role.KeyWorker)).Email!);
        Assert.Equal(HttpStatusCode.Forbidden, (await keyWorker.GetAsync($"/api/v1/contracts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await keyWorker.PostAsJsonAsync("/api/v1/contracts", body)).StatusCode);
    }

    [Fact]
    public async Task The_decision_log_records_money_moved_between_contracts_and_checks_each_decision()
    {
        var manager = await app.ManagerAsync();
        var partner = await app.PartnerAsync();
        var contract = await manager.CreateContractAsync(CommissioningTestData.Contract(partner.Id, withProfile: false));
        var id = contract.GetProperty("id").GetGuid();
        var other = (await manager.CreateContractAsync(CommissioningTestData.Contract(partner.Id, withProfile: false))).GetProperty("id").GetGuid();
        var fifeContract = await (await app.ManagerAsync(NolbAppFactory.Fife)).CreateContractAsync(CommissioningTestData.Contract((await app.PartnerAsync(NolbAppFactory.Fife)).Id));

        var noMoney = await manager.PostAsJsonAsync("/api/v1/funding/decisions", new { kind = "Repurpose", reason = "Low uptake", decidedOn = Today.Iso(), decidedBy = "LEP board" });
        Assert.Equal(["amountMoved", "fromContractId", "toContractId"], (await noMoney.ErrorFieldsAsync()).Order());
        var cease = await manager.PostAsJsonAsync("/api/v1/funding/decisions", new { kind = "Cease", reason = "", decidedOn = Today.AddDays(1).Iso(), decidedBy = "LEP board" });
        Assert.Equal(["contractId", "decidedOn", "reason"], (await cease.ErrorFieldsAsync()).Order());
        var foreign = await manager.PostAsJsonAsync("/api/v1/funding/decisions", new { kind = "Amend", contractId = fifeContract.GetProperty("id").GetGuid(), reason = "x", decidedOn = Today.Iso(), decidedBy = "x" });
        Assert.Equal(["contractId"], await foreign.ErrorFieldsAsync());

        var moved = await (await manager.PostAsJsonAsync("/api/v1/funding/decisions", new
        {
            kind = "Repurpose",
            contractId = id,
            reason = "Few parents referred; move money to the other contract",
            decidedOn = Today.Iso(),
            decidedBy = "LEP board meeting",
            amountMoved = 2500m,
            fromContractId = id,
            toContractId = other,
        })).OkJsonAsync(HttpStatusCode.Created);
        Assert.Equal(2500m, moved.GetProperty("amountMoved").GetDecimal());

        var log = await (await manager.GetAsync("/api/v1/funding/decisions")).OkJsonAsync();
        var entry = Assert.Single(log.EnumerateArray(), d => d.GetProperty("id").GetGuid() == moved.GetProperty("id").GetGuid());
        Assert.Equal(other, entry.GetProperty("toContractId").GetGuid());
        Assert.Equal(id, entry.GetProperty("fromContractId").GetGuid());
        var fifeLog = await (await app.ManagerAsync(NolbAppFactory.Fife)).GetAsync("/api/v1/funding/decisions");
        Assert.DoesNotContain((await fifeLog.OkJsonAsync()).EnumerateArray(), d => d.GetProperty("id").GetGuid() == moved.GetProperty("id").GetGuid());
    }

    private static Nolb.Web.Domain.Commissioning.FinancialQuarter FinancialQuarterAfterNext() =>
        Nolb.Web.Domain.Commissioning.FinancialQuarter.Of(Today).Next.Next;
}

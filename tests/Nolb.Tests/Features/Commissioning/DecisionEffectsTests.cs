using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nolb.Tests.Features.Employers;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Security;
using static Nolb.Tests.Features.Participants.ParticipantApiClient;

namespace Nolb.Tests.Features.Commissioning;

/// <summary>
/// Decisions in the log take effect when recorded: ceasing ends the contract on the decision date and drops the later quarters;
/// money moved changes both contracts' budgets or both allocations, in one go with the entry. When it cannot apply, nothing changes.
/// </summary>
public sealed class DecisionEffectsTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static int Y => CommissioningTestData.PastYear.StartYear;

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Ceasing_a_contract_ends_it_on_the_decision_date_and_later_quarters_are_no_longer_expected()
    {
        var manager = await app.ManagerAsync();
        var partner = await app.PartnerAsync();
        var contract = await manager.CreateContractAsync(CommissioningTestData.Contract(partner.Id));
        var id = contract.GetProperty("id").GetGuid();
        var decidedOn = CommissioningTestData.PastYear.Start.AddMonths(4);

        var fife = await app.ManagerAsync(NolbAppFactory.Fife);
        var foreign = await fife.PostAsJsonAsync("/api/v1/funding/decisions", Cease(id, decidedOn));
        Assert.Equal(["contractId"], await foreign.ErrorFieldsAsync());

        var decision = await (await manager.PostAsJsonAsync("/api/v1/funding/decisions", Cease(id, decidedOn))).OkJsonAsync(HttpStatusCode.Created);
        Assert.Equal(id, decision.GetProperty("contractId").GetGuid());

        var ceased = await (await manager.GetAsync($"/api/v1/contracts/{id}")).OkJsonAsync();
        Assert.Equal("Ceased", ceased.GetProperty("status").GetString());
        Assert.Equal(Day(decidedOn), ceased.GetProperty("ceasedOn").GetString());
        Assert.Equal(Day(decidedOn), ceased.GetProperty("endDate").GetString());
        Assert.Equal([1, 2], ceased.GetProperty("profile").EnumerateArray().Select(q => q.GetProperty("quarter").GetInt32()));
        Assert.Equal(3, ceased.GetProperty("expectedStarts").GetInt32());
        Assert.Equal(0, ceased.GetProperty("expectedJobOutcomes").GetInt32());
        Assert.NotEqual(contract.ETag(), ceased.ETag());

        var performance = await (await manager.GetAsync($"/api/v1/contracts/{id}/performance")).OkJsonAsync();
        Assert.Equal(3, performance.GetProperty("starts").GetProperty("profile").GetInt32());

        var again = await manager.PostAsJsonAsync("/api/v1/funding/decisions", Cease(id, decidedOn));
        Assert.Equal(["contractId"], await again.ErrorFieldsAsync());
        var longer = new Dictionary<string, object?>(CommissioningTestData.Contract(partner.Id, withProfile: false)) { ["endDate"] = Day(CommissioningTestData.PastYear.End) };
        Assert.Equal(["endDate"], await (await manager.PutAsync($"/api/v1/contracts/{id}", longer, ceased.ETag())).ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_cease_dated_before_spend_already_paid_is_refused_and_nothing_changes()
    {
        var manager = await app.ManagerAsync();
        var partner = await app.PartnerAsync();
        var contract = await manager.CreateContractAsync(CommissioningTestData.Contract(partner.Id));
        var id = contract.GetProperty("id").GetGuid();
        var spent = await (await manager.PostAsync($"/api/v1/contracts/{id}/spend", new { financialYear = Y, quarter = 3, amount = 1000m }, contract.ETag())).OkJsonAsync();

        var refused = await manager.PostAsJsonAsync("/api/v1/funding/decisions", Cease(id, CommissioningTestData.PastYear.Start.AddMonths(1)));

        Assert.Equal(["decidedOn"], await refused.ErrorFieldsAsync());
        var after = await (await manager.GetAsync($"/api/v1/contracts/{id}")).OkJsonAsync();
        Assert.Equal(spent.ETag(), after.ETag());
        Assert.Equal("Ended", after.GetProperty("status").GetString());
        Assert.Equal(4, after.GetProperty("profile").GetArrayLength());
        Assert.DoesNotContain((await (await manager.GetAsync("/api/v1/funding/decisions")).OkJsonAsync()).EnumerateArray(),
            d => d.GetProperty("contractId").ValueKind != JsonValueKind.Null && d.GetProperty("contractId").GetGuid() == id);
    }

    [Fact]
    public async Task Repurposing_moves_money_between_two_contracts_never_more_than_is_left_to_spend()
    {
        var manager = await app.ManagerAsync();
        var partner = await app.PartnerAsync();
        var from = await manager.CreateContractAsync(CommissioningTestData.Contract(partner.Id, withProfile: false));
        var to = await manager.CreateContractAsync(CommissioningTestData.Contract(partner.Id, withProfile: false));
        var fromId = from.GetProperty("id").GetGuid();
        var toId = to.GetProperty("id").GetGuid();
        await (await manager.PostAsync($"/api/v1/contracts/{fromId}/spend", new { financialYear = Y, quarter = 1, amount = 9000m }, from.ETag())).OkJsonAsync();

        var tooMuch = await manager.PostAsJsonAsync("/api/v1/funding/decisions", Repurpose(1500m, fromContractId: fromId, toContractId: toId));
        Assert.Equal(["amountMoved"], await tooMuch.ErrorFieldsAsync());
        Assert.Contains("£1,000.00", await tooMuch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(10000m, (await ContractAsync(manager, toId)).GetProperty("budget").GetDecimal());

        var mixed = await manager.PostAsJsonAsync("/api/v1/funding/decisions", Repurpose(100m, fromContractId: fromId, toAllocationId: Guid.NewGuid()));
        Assert.Contains("toAllocationId", await mixed.ErrorFieldsAsync());

        var moved = await (await manager.PostAsJsonAsync("/api/v1/funding/decisions", Repurpose(1000m, fromContractId: fromId, toContractId: toId))).OkJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1000m, moved.GetProperty("amountMoved").GetDecimal());
        Assert.Equal(9000m, (await ContractAsync(manager, fromId)).GetProperty("budget").GetDecimal());
        var target = await ContractAsync(manager, toId);
        Assert.Equal(11000m, target.GetProperty("budget").GetDecimal());

        // The move changed the contract: a form or client holding the old version is refused.
        var stale = await manager.PutAsync($"/api/v1/contracts/{toId}", CommissioningTestData.Contract(partner.Id, withProfile: false), to.ETag());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    [Fact]
    public async Task Repurposing_moves_money_between_two_allocations_of_the_lep_never_more_than_is_not_yet_profiled()
    {
        var manager = await app.ManagerAsync();
        var year = 2040 + Random.Shared.Next(0, 50);
        var nolb = await (await manager.PostAsJsonAsync("/api/v1/funding", new { stream = "NoOneLeftBehind", financialYear = year, amount = 1000m })).OkJsonAsync(HttpStatusCode.Created);
        var pes = await (await manager.PostAsJsonAsync("/api/v1/funding", new { stream = "ParentalEmployabilitySupport", financialYear = year, amount = 500m })).OkJsonAsync(HttpStatusCode.Created);
        var fifeAllocation = await (await (await app.ManagerAsync(NolbAppFactory.Fife)).PostAsJsonAsync("/api/v1/funding", new { stream = "NoOneLeftBehind", financialYear = year, amount = 5m }))
            .OkJsonAsync(HttpStatusCode.Created);
        var nolbId = nolb.GetProperty("id").GetGuid();
        var pesId = pes.GetProperty("id").GetGuid();

        var foreign = await manager.PostAsJsonAsync("/api/v1/funding/decisions", Repurpose(10m, fromAllocationId: nolbId, toAllocationId: fifeAllocation.GetProperty("id").GetGuid()));
        Assert.Equal(["toAllocationId"], await foreign.ErrorFieldsAsync());
        var tooMuch = await manager.PostAsJsonAsync("/api/v1/funding/decisions", Repurpose(1500m, fromAllocationId: nolbId, toAllocationId: pesId));
        Assert.Equal(["amountMoved"], await tooMuch.ErrorFieldsAsync());

        await (await manager.PostAsJsonAsync("/api/v1/funding/decisions", Repurpose(600m, fromAllocationId: nolbId, toAllocationId: pesId))).OkJsonAsync(HttpStatusCode.Created);

        var allocations = (await (await manager.GetAsync("/api/v1/funding")).OkJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(400m, allocations.Single(a => a.GetProperty("id").GetGuid() == nolbId).GetProperty("amount").GetDecimal());
        Assert.Equal(1100m, allocations.Single(a => a.GetProperty("id").GetGuid() == pesId).GetProperty("amount").GetDecimal());
        var log = await (await manager.GetAsync("/api/v1/funding/decisions")).OkJsonAsync();
        var entry = Assert.Single(log.EnumerateArray(), d => d.GetProperty("fromAllocationId").ValueKind != JsonValueKind.Null && d.GetProperty("fromAllocationId").GetGuid() == nolbId);
        Assert.Equal("ParentalEmployabilitySupport", entry.GetProperty("toStream").GetString());
    }

    [Fact]
    public async Task A_cease_recorded_on_the_page_shows_the_contract_ceased()
    {
        var user = await app.CreateUserAsync(Role.LepManager);
        var manager = await app.ApiClientAsync(user.Email!);
        using var pages = await app.PageClientAsync(user.Email!);
        var contract = await manager.CreateContractAsync(CommissioningTestData.Contract((await app.PartnerAsync()).Id));
        var id = contract.GetProperty("id").GetGuid().ToString();
        var decidedOn = CommissioningTestData.PastYear.Start.AddMonths(7);

        var decided = await pages.SubmitFormAsync($"/Commissioning/Decision?contractId={id}", new()
        {
            ["Input.Kind"] = "Cease",
            ["Input.ContractId"] = id,
            ["Input.DecidedOn"] = Day(decidedOn),
            ["Input.DecidedBy"] = "LEP board",
            ["Input.Reason"] = "Too few referrals to keep the service open",
        });

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var page = await pages.PageTextAsync($"/Commissioning/Contract/{id}");
        Assert.Contains($"Ceased on {decidedOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} by a decision of the partnership", page, StringComparison.Ordinal);
        Assert.Contains("Too few referrals to keep the service open", page, StringComparison.Ordinal);
        Assert.Contains("Ceased on", await pages.PageTextAsync("/Commissioning"), StringComparison.Ordinal);
    }

    private static object Cease(Guid contractId, DateOnly decidedOn) =>
        new { kind = "Cease", contractId, reason = "Not meeting parents' needs", decidedOn = Day(decidedOn), decidedBy = "LEP board" };

    private static object Repurpose(decimal amount, Guid? fromContractId = null, Guid? toContractId = null, Guid? fromAllocationId = null, Guid? toAllocationId = null) => new
    {
        kind = "Repurpose",
        reason = "Move money to where demand is",
        decidedOn = Day(Today),
        decidedBy = "LEP board",
        amountMoved = amount,
        fromContractId,
        toContractId,
        fromAllocationId,
        toAllocationId,
    };

    private static async Task<JsonElement> ContractAsync(HttpClient manager, Guid id) =>
        await (await manager.GetAsync($"/api/v1/contracts/{id}")).OkJsonAsync();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nolb.Tests.Features.Employers;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Commissioning;

/// <summary>Test data for commissioning: a partner organisation of its own per test, and a contract made through the API.</summary>
public static class CommissioningTestData
{
    /// <summary>The financial year before last: every quarter of it has ended, whenever the tests run.</summary>
    public static FinancialYear PastYear => new(FinancialYear.Of(CaseData.Today).StartYear - 1);

    public static async Task<Organisation> PartnerAsync(this NolbAppFactory app, string? lepCode = NolbAppFactory.Glasgow)
    {
        var lepId = lepCode is null ? (Guid?)null : await app.LepIdAsync(lepCode);
        var organisation = new Organisation { Name = CaseData.UniqueName("Partner"), Kind = OrganisationKind.ThirdSector, LepId = lepId, CreatedAt = DateTime.UtcNow };
        await app.WithDbAsync(async db =>
        {
            db.Organisations.Add(organisation);
            return await db.SaveChangesAsync();
        });
        return organisation;
    }

    public static async Task<HttpClient> ManagerAsync(this NolbAppFactory app, string lepCode = NolbAppFactory.Glasgow)
    {
        var manager = await app.CreateUserAsync(Role.LepManager, lepCode);
        return await app.ApiClientAsync(manager.Email!);
    }

    /// <summary>A contract for the whole of <see cref="PastYear"/>: 4 starts and 2 job outcomes expected, £10,000, profiled 1/2/1/0 starts and 0/0/1/1 outcomes.</summary>
    public static Dictionary<string, object?> Contract(Guid partnerId, string stream = "NoOneLeftBehind", bool withProfile = true)
    {
        var y = PastYear.StartYear;
        var body = new Dictionary<string, object?>
        {
            ["title"] = CaseData.UniqueName("Contract"),
            ["kind"] = "Contract",
            ["partnerOrganisationId"] = partnerId,
            ["fundingStream"] = stream,
            ["targetGroup"] = "Parents",
            ["startDate"] = PastYear.Start.Iso(),
            ["endDate"] = PastYear.End.Iso(),
            ["budget"] = 10000m,
            ["expectedStarts"] = 4,
            ["expectedJobOutcomes"] = 2,
        };
        if (withProfile)
        {
            body["profile"] = new[]
            {
                new { financialYear = y, quarter = 1, starts = 1, jobOutcomes = 0, spend = 2500m },
                new { financialYear = y, quarter = 2, starts = 2, jobOutcomes = 0, spend = 2500m },
                new { financialYear = y, quarter = 3, starts = 1, jobOutcomes = 1, spend = 2500m },
                new { financialYear = y, quarter = 4, starts = 0, jobOutcomes = 1, spend = 2500m },
            };
        }

        return body;
    }

    public static async Task<JsonElement> CreateContractAsync(this HttpClient manager, Dictionary<string, object?> body) =>
        await (await manager.PostAsJsonAsync("/api/v1/contracts", body)).OkJsonAsync(HttpStatusCode.Created);

    public static string ETag(this JsonElement json) => $"\"{json.GetProperty("version").GetGuid()}\"";

    private static string Iso(this DateOnly date) => ParticipantApiClient.Iso(date);
}

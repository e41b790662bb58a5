using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nolb.Tests.Features.Participants;

/// <summary>Small builders for the participant API tests: each person gets a name and date of birth nobody else has.</summary>
public static class ParticipantApiClient
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    public static readonly string[] NoOneLeftBehind = ["NoOneLeftBehind"];
    public static readonly string[] OtherFunding = ["Other"];

    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A family name no other test uses, letters only so name searches find exactly this person.</summary>
    public static string UniqueName() => "Test" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + (c % 26))));

    public static Dictionary<string, object?> Person(string? familyName = null, DateOnly? dateOfBirth = null, string? givenName = null) => new()
    {
        ["givenName"] = givenName ?? "Morag",
        ["familyName"] = familyName ?? UniqueName(),
        ["dateOfBirth"] = (dateOfBirth ?? Today.AddYears(-30).AddDays(-Random.Shared.Next(0, 3000))).Iso(),
        ["preferredContact"] = "Post",
        ["employmentStatusAtStart"] = "UnemployedUnder12Months",
    };

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Registers a person (confirming past any duplicate check) and answers their id.</summary>
    public static async Task<Guid> RegisterAsync(this HttpClient client, Dictionary<string, object?>? person = null)
    {
        var body = person ?? Person();
        body["confirmNotDuplicate"] = true;
        var response = await client.PostAsJsonAsync("/api/v1/participants", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> StartEngagementAsync(this HttpClient client, Guid participantId, DateOnly? startDate = null, Guid? keyWorkerId = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/participants/{participantId}/engagements", new
        {
            startDate = (startDate ?? Today.AddDays(-60)).Iso(),
            referralSource = "JobcentrePlus",
            fundingStreams = NoOneLeftBehind,
            keyWorkerId,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> MoveAsync(this HttpClient client, Guid engagementId, object? stage, DateOnly date, string? reason = "Ready for the next step") =>
        client.PostAsJsonAsync($"/api/v1/engagements/{engagementId}/stage", new { stage, date = date.Iso(), reason });

    /// <summary>The field names of a validation problem's errors.</summary>
    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        return errors.EnumerateObject().Select(p => p.Name).ToList();
    }
}

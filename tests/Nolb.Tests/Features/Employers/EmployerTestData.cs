using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Employers;

/// <summary>Test data for employers, vacancies and outcomes, made in the database so each test states only what it needs.</summary>
public static class EmployerTestData
{
    public static async Task<Employer> EmployerAsync(this NolbAppFactory app, string lepCode = NolbAppFactory.Glasgow, string? name = null)
    {
        var lepId = await app.LepIdAsync(lepCode);
        var employer = new Employer
        {
            LepId = lepId,
            Name = name ?? CaseData.UniqueName("Employer"),
            Sector = SicSection.I,
            Size = SizeBand.Small,
            Postcode = "G31 2AB",
            CreatedAt = DateTime.UtcNow,
        };
        await app.WithDbAsync(async db =>
        {
            db.Employers.Add(employer);
            return await db.SaveChangesAsync();
        });
        return employer;
    }

    /// <summary>A person on <paramref name="keyWorker"/>'s caseload whose engagement started on <paramref name="started"/> and is now at <paramref name="stage"/>.</summary>
    public static Task<Participant> PersonAtStageAsync(
        this NolbAppFactory app, NolbUser keyWorker, int stage, DateOnly? started = null, string lepCode = NolbAppFactory.Glasgow,
        string postcode = "G31 4XY", int? scqf = 5) =>
        app.PersonAsync(lepCode, with: p =>
        {
            p.Postcode = postcode;
            p.HighestScqfLevel = scqf;
            var start = started ?? CaseData.Today.AddDays(-60);
            var engagement = p.StartEngagement(start, ReferralSource.Self, [FundingStream.NoOneLeftBehind], keyWorker.Id, keyWorker.Id, CaseData.Today, DateTime.UtcNow).Value!;
            if (stage != 1)
            {
                Assert.True(engagement.MoveTo((PipelineStage)stage, start, "Test set-up", keyWorker.Id, CaseData.Today, DateTime.UtcNow).Succeeded);
            }
        });

    public static Guid EngagementId(this Participant person) => person.Engagements.Single().Id;

    public static async Task<JsonElement> OkJsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static HttpRequestMessage WithIfMatch(this HttpRequestMessage request, string? etag)
    {
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return request;
    }

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string url, object body, string? ifMatch) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) }.WithIfMatch(ifMatch));

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, object body, string? ifMatch) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) }.WithIfMatch(ifMatch));
}

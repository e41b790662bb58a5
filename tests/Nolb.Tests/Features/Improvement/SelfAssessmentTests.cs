using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolb.Tests.Features.Employers;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Domain.Improvement;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Improvement;

/// <summary>
/// Service Standards self-assessment: a partner rates its organisation and submits (every standard needs a rating and evidence),
/// the LEP manager returns it with a comment or accepts it, stale versions are refused, other organisations and LEPs see nothing,
/// and the manager's page compares partners and years. The LEP's own self-assessment against the LEP framework themes uses the same flow.
/// </summary>
public sealed class SelfAssessmentTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static readonly string[] Standards = ["S1", "S2", "S3", "S4"];

    private async Task<NolbUser> PartnerAsync(string name, string lepCode = NolbAppFactory.Glasgow)
    {
        var lepId = await app.LepIdAsync(lepCode);
        var organisation = await app.WithDbAsync(async db =>
        {
            var o = new Organisation { Name = CaseData.UniqueName(name), Kind = OrganisationKind.ThirdSector, LepId = lepId };
            db.Organisations.Add(o);
            await db.SaveChangesAsync();
            return o;
        });
        return await app.CreateUserAsync(Role.PartnerWorker, lepCode, organisation.Id);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body, string? etag)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await client.SendAsync(request);
    }

    private static object Ratings(int score, string? evidence = "Our exit survey and case reviews") =>
        new { ratings = Standards.Select(code => new { code, score, evidence }).ToArray() };

    [Fact]
    public async Task A_partner_submits_a_complete_self_assessment_the_manager_returns_it_then_accepts_it()
    {
        var partner = await PartnerAsync("Standards Partner");
        var manager = await app.StaffAsync(Role.LepManager);
        using var partnerApi = await app.ApiClientAsync(partner.Email!);
        using var managerApi = await app.ApiClientAsync(manager.Email!);
        var year = FinancialYear.Of(CaseData.Today).StartYear;

        var started = await partnerApi.PostAsJsonAsync("/api/v1/standards/assessments", new { financialYear = year });
        var body = await started.OkJsonAsync(HttpStatusCode.Created);
        var url = $"/api/v1/standards/assessments/{body.GetProperty("id").GetString()}";
        var again = await partnerApi.PostAsJsonAsync("/api/v1/standards/assessments", new { financialYear = year });
        var future = await partnerApi.PostAsJsonAsync("/api/v1/standards/assessments", new { financialYear = year + 1 });

        var incomplete = await SendAsync(partnerApi, HttpMethod.Post, $"{url}/submit",
            new { ratings = new[] { new { code = "S1", score = 3, evidence = "Exit survey" } } }, started.Headers.ETag!.Tag);
        var outOfScale = await SendAsync(partnerApi, HttpMethod.Put, url, Ratings(7), started.Headers.ETag!.Tag);
        var submitted = await SendAsync(partnerApi, HttpMethod.Post, $"{url}/submit", Ratings(3), started.Headers.ETag!.Tag);
        var stale = await SendAsync(managerApi, HttpMethod.Post, $"{url}/review", new { accept = false, comment = "More evidence for S4" }, started.Headers.ETag!.Tag);
        var partnerReviews = await SendAsync(partnerApi, HttpMethod.Post, $"{url}/review", new { accept = true }, submitted.Headers.ETag!.Tag);
        var noComment = await SendAsync(managerApi, HttpMethod.Post, $"{url}/review", new { accept = false }, submitted.Headers.ETag!.Tag);
        var returned = await SendAsync(managerApi, HttpMethod.Post, $"{url}/review", new { accept = false, comment = "More evidence for S4" }, submitted.Headers.ETag!.Tag);
        var resubmitted = await SendAsync(partnerApi, HttpMethod.Post, $"{url}/submit", Ratings(4), returned.Headers.ETag!.Tag);
        var accepted = await SendAsync(managerApi, HttpMethod.Post, $"{url}/review", new { accept = true }, resubmitted.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var incompleteErrors = (await incomplete.JsonAsync()).GetProperty("errors");
        Assert.True(incompleteErrors.TryGetProperty("ratings.S2.score", out _), incompleteErrors.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, outOfScale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, partnerReviews.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Equal("Returned", (await returned.OkJsonAsync()).GetProperty("status").GetString());
        var final = await accepted.OkJsonAsync();
        Assert.Equal("Accepted", final.GetProperty("status").GetString());
        Assert.Equal([4, 4, 4, 4], final.GetProperty("ratings").EnumerateArray().Select(r => r.GetProperty("score").GetInt32()));
    }

    [Fact]
    public async Task Other_organisations_and_other_leps_cannot_see_a_self_assessment_and_the_manager_compares_partners()
    {
        var partner = await PartnerAsync("Compared Partner");
        var otherPartner = await PartnerAsync("Other Partner");
        var fifeManager = await app.StaffAsync(Role.LepManager, NolbAppFactory.Fife);
        var manager = await app.StaffAsync(Role.LepManager);
        using var partnerPages = await app.PageClientAsync(partner.Email!);
        var year = FinancialYear.Of(CaseData.Today).StartYear;

        var started = await partnerPages.SubmitFormAsync("/Standards", new() { ["FinancialYear"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var assessmentUrl = started.Headers.Location!.OriginalString;
        var id = assessmentUrl.Split('/')[^1];
        var version = await app.WithDbAsync(db => db.SelfAssessments.Where(a => a.Id == Guid.Parse(id)).Select(a => a.Version).SingleAsync());
        var fields = new Dictionary<string, string> { ["Input.Version"] = version.ToString() };
        for (var i = 0; i < Standards.Length; i++)
        {
            fields[$"Input.Ratings[{i}].Code"] = Standards[i];
            fields[$"Input.Ratings[{i}].Score"] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields[$"Input.Ratings[{i}].Evidence"] = i == 3 ? "" : "Case file review";
        }

        var missingEvidence = await partnerPages.SubmitFormAsync(assessmentUrl, fields, $"{assessmentUrl}?handler=Submit");
        Assert.Contains("and give the evidence for the rating before you submit", await missingEvidence.TextAsync(), StringComparison.Ordinal);
        fields["Input.Ratings[3].Evidence"] = "Partnership board minutes";
        var submitted = await partnerPages.SubmitFormAsync(assessmentUrl, fields, $"{assessmentUrl}?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(SelfAssessmentStatus.Submitted, await app.WithDbAsync(db => db.SelfAssessments.Where(a => a.Id == Guid.Parse(id)).Select(a => a.Status).SingleAsync()));

        using var other = await app.PageClientAsync(otherPartner.Email!);
        using var fife = await app.PageClientAsync(fifeManager.Email!);
        using var fifeApi = await app.ApiClientAsync(fifeManager.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(assessmentUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync(assessmentUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fifeApi.GetAsync($"/api/v1/standards/assessments/{id}")).StatusCode);

        using var managerPages = await app.PageClientAsync(manager.Email!);
        var compared = await managerPages.PageTextAsync("/Standards");
        var partnerName = await app.WithDbAsync(db => db.Organisations.Where(x => x.Id == partner.OrganisationId).Select(x => x.Name).SingleAsync());
        Assert.Contains(partnerName, compared, StringComparison.Ordinal);
        Assert.Contains("Submitted for review", compared, StringComparison.Ordinal);
        var review = await managerPages.PageTextAsync(assessmentUrl);
        Assert.Contains("Record the review", review, StringComparison.Ordinal);
        Assert.Contains("Partnership board minutes", review, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lep_rates_itself_against_the_lep_framework_themes_and_it_shows_in_the_delivery_plan_evidence()
    {
        var manager = await app.StaffAsync(Role.LepManager, NolbAppFactory.Fife);
        using var api = await app.ApiClientAsync(manager.Email!);
        var year = FinancialYear.Of(CaseData.Today).StartYear;
        var started = await api.PostAsJsonAsync("/api/v1/improvement/self-assessments", new { financialYear = year });
        var body = await started.OkJsonAsync(HttpStatusCode.Created);
        var codes = body.GetProperty("ratings").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToList();
        var rated = await SendAsync(api, HttpMethod.Put, $"/api/v1/improvement/self-assessments/{body.GetProperty("id").GetString()}",
            new { ratings = codes.Select((code, i) => new { code, score = i == 0 ? 2 : 3, evidence = "Board self-assessment workshop" }) }, started.Headers.ETag!.Tag);

        Assert.Equal(7, codes.Count);
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        using var scope = app.Services.CreateScope();
        var evidence = scope.ServiceProvider.GetRequiredService<Nolb.Web.Features.DeliveryPlans.PlanEvidence>();
        var section15 = (await evidence.ForLepAsync(manager.LepId!.Value, default)).Single(t => t.SectionKey == "1.5");
        Assert.Equal(["Effectiveness and functionality of the partnership", "2: partly met"], section15.Rows[0]);
        Assert.Equal("3: mostly met", section15.Rows[1][1]);
    }
}

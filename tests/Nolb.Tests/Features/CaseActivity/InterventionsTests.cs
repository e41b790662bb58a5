using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Interventions;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.CaseActivity;

/// <summary>Interventions from the catalogue through the API and the page: recording, qualifications, validation, concurrency, tenancy; and the catalogue itself.</summary>
public sealed class InterventionsTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private const string FirstAid = "skills-training.short-courses";

    private static string Url(Guid engagementId) => $"/api/v1/engagements/{engagementId}/interventions";

    private async Task<Guid> OrganisationAsync(string lepCode) => await app.WithDbAsync(async db =>
    {
        var organisation = new Organisation { Name = CaseData.UniqueName("Partner"), Kind = OrganisationKind.ThirdSector, LepId = db.Leps.Single(l => l.Code == lepCode).Id };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    });

    private static Dictionary<string, object?> Body(Guid? partner = null) => new()
    {
        ["typeCode"] = FirstAid,
        ["deliveredBy"] = partner is null ? "OwnTeam" : "PartnerOrganisation",
        ["partnerOrganisationId"] = partner,
        ["startDate"] = CaseData.Today.AddDays(-10).Iso(),
        ["endDate"] = CaseData.Today.AddDays(-9).Iso(),
        ["hours"] = 12.5m,
        ["outcome"] = "Completed",
        ["qualificationTitle"] = "Emergency First Aid at Work",
        ["qualificationScqfLevel"] = 6,
        ["qualificationAwardingBody"] = "SQA",
    };

    [Fact]
    public async Task The_catalogue_lists_the_annex_1_headings_in_order_with_their_sub_types_and_stable_codes()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        using var api = await app.ApiClientAsync(keyWorker.Email!);

        var catalogue = await api.GetFromJsonAsync<JsonElement>("/api/v1/reference/interventions");

        var codes = catalogue.EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.Equal(AnnexOneCatalogue.Categories.Select(c => c.Code), codes.Take(AnnexOneCatalogue.Categories.Count));
        var money = catalogue.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "money-management");
        Assert.Equal("Money Management/Debt Advice", money.GetProperty("name").GetString());
        Assert.Contains(money.GetProperty("types").EnumerateArray(), t =>
            t.GetProperty("code").GetString() == AnnexOneCatalogue.BetterOffInWork && t.GetProperty("name").GetString() == "Better Off In Work Calculations");
    }

    [Fact]
    public async Task An_intervention_by_a_partner_with_a_qualification_is_recorded_listed_and_on_the_timeline()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        var partner = await OrganisationAsync(NolbAppFactory.Glasgow);
        using var api = await app.ApiClientAsync(keyWorker.Email!);

        var created = await api.PostAsJsonAsync(Url(engagementId), Body(partner));

        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var list = await api.GetFromJsonAsync<JsonElement>(Url(engagementId));
        var row = Assert.Single(list.EnumerateArray());
        Assert.Equal(FirstAid, row.GetProperty("typeCode").GetString());
        Assert.Equal(partner, row.GetProperty("partnerOrganisationId").GetGuid());
        Assert.Equal(12.5m, row.GetProperty("hours").GetDecimal());
        Assert.Equal(6, row.GetProperty("qualificationScqfLevel").GetInt32());
        Assert.Equal("SQA", row.GetProperty("qualificationAwardingBody").GetString());
        using var pages = await app.PageClientAsync(keyWorker.Email!);
        var record = await pages.PageTextAsync($"/Participants/{person.Id}");
        Assert.Contains("Intervention: Short courses such as first aid, food hygiene etc", record, StringComparison.Ordinal);
        Assert.Contains("Gained Emergency First Aid at Work (SCQF level 6).", record, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, object?> BadFields => new()
    {
        { "startDate", "startDate", CaseData.Today.AddDays(-400).Iso() },
        { "startDate", "startDate", CaseData.Today.AddDays(1).Iso() },
        { "endDate", "endDate", CaseData.Today.AddDays(-20).Iso() },
        { "hours", "hours", 0m },
        { "hours", "hours", 2000.5m },
        { "qualificationScqfLevel", "qualificationScqfLevel", 0 },
        { "qualificationScqfLevel", "qualificationScqfLevel", 13 },
        { "qualificationAwardingBody", "qualificationAwardingBody", " " },
        { "typeCode", "typeCode", "no-such.type" },
        { "outcome", "outcome", null },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_intervention_answers_400_naming_the_field_and_records_nothing(string property, string field, object? value)
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var api = await app.ApiClientAsync(keyWorker.Email!);
        var body = Body();
        body[property] = value;

        var response = await api.PostAsJsonAsync(Url(engagementId), body);

        // A start in the future is also after the end date, so that case names both fields.
        Assert.Contains(field, await response.ErrorFieldsAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Interventions.CountAsync(i => i.EngagementId == engagementId)));
    }

    [Fact]
    public async Task A_finished_intervention_needs_an_end_date_and_a_partner_must_belong_to_the_lep()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        var fifePartner = await OrganisationAsync(NolbAppFactory.Fife);
        using var api = await app.ApiClientAsync(keyWorker.Email!);
        var noEnd = Body();
        noEnd["endDate"] = null;

        var withoutEnd = await api.PostAsJsonAsync(Url(engagementId), noEnd);
        var otherLep = await api.PostAsJsonAsync(Url(engagementId), Body(fifePartner));

        Assert.Equal(["endDate"], await withoutEnd.ErrorFieldsAsync());
        Assert.Equal(["partnerOrganisationId"], await otherLep.ErrorFieldsAsync());
    }

    [Fact]
    public async Task The_page_records_an_intervention_and_shows_field_errors_on_bad_input()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        var typeId = await app.WithDbAsync(db => db.InterventionTypes.Where(t => t.Code == "job-search.cv").Select(t => t.Id).SingleAsync());
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var url = $"/Participants/Engagements/{engagementId}/Interventions";
        Dictionary<string, string> Form(string level) => new()
        {
            ["Input.TypeId"] = typeId.ToString(),
            ["Input.DeliveredBy"] = "OwnTeam",
            ["Input.StartDate"] = CaseData.Today.AddDays(-2).Iso(),
            ["Input.EndDate"] = CaseData.Today.AddDays(-2).Iso(),
            ["Input.Hours"] = "1.5",
            ["Input.Outcome"] = "Completed",
            ["Input.QualificationTitle"] = level.Length == 0 ? "" : "Employability Award",
            ["Input.QualificationScqfLevel"] = level,
            ["Input.QualificationAwardingBody"] = level.Length == 0 ? "" : "SQA",
        };

        var form = await client.PageTextAsync(url);
        var bad = await (await client.SubmitFormAsync(url, Form("13"))).TextAsync();
        var good = await client.SubmitFormAsync(url, Form(""));

        Assert.Contains("Job Search: Create and update a CV", form, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_QualificationScqfLevel\">Enter the qualification's SCQF level, a whole number from 1 to 12</a>", bad, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var stored = await app.WithDbAsync(db => db.Interventions.AsNoTracking().SingleAsync(i => i.EngagementId == engagementId));
        Assert.Equal((typeId, 1.5m, (string?)null), (stored.TypeId, stored.Hours, stored.QualificationTitle));
        Assert.Contains("Intervention: Create and update a CV", await client.PageTextAsync($"/Participants/{person.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_from_a_stale_version_is_refused_on_the_api_and_the_page()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var api = await app.ApiClientAsync(keyWorker.Email!);
        var created = await api.PostAsJsonAsync(Url(engagementId), Body());
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var etag = created.Headers.ETag!.Tag;
        var changed = Body();
        changed["hours"] = 20m;

        var first = await api.PutAsync($"{Url(engagementId)}/{id}", changed, etag);
        var stale = await api.PutAsync($"{Url(engagementId)}/{id}", Body(), etag);
        using var pages = await app.PageClientAsync(keyWorker.Email!);
        var pageUrl = $"/Participants/Engagements/{engagementId}/Interventions/{id}";
        var typeId = await app.WithDbAsync(db => db.InterventionTypes.Where(t => t.Code == FirstAid).Select(t => t.Id).SingleAsync());
        var stalePage = await (await pages.SubmitFormAsync(pageUrl, new()
        {
            ["Input.TypeId"] = typeId.ToString(),
            ["Input.DeliveredBy"] = "OwnTeam",
            ["Input.StartDate"] = CaseData.Today.AddDays(-10).Iso(),
            ["Input.Outcome"] = "Ongoing",
            ["Input.Version"] = etag.Trim('"'),
        })).TextAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Contains("Someone else changed this record after you opened it", stalePage, StringComparison.Ordinal);
        Assert.Equal(20m, (await app.WithDbAsync(db => db.Interventions.AsNoTracking().SingleAsync(i => i.Id == id))).Hours);
    }

    [Fact]
    public async Task Another_leps_interventions_answer_404_and_nothing_is_recorded()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var fife = await app.StaffAsync(Role.TeamLeader, NolbAppFactory.Fife);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var fifeApi = await app.ApiClientAsync(fife.Email!);
        using var fifePages = await app.PageClientAsync(fife.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await fifeApi.GetAsync(Url(engagementId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fifeApi.PostAsJsonAsync(Url(engagementId), Body())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fifePages.GetAsync($"/Participants/Engagements/{engagementId}/Interventions")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Interventions.CountAsync(i => i.EngagementId == engagementId)));
    }

    [Fact]
    public async Task An_administrator_extends_the_catalogue_and_key_workers_can_record_the_new_type()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        using var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);
        var name = CaseData.UniqueName("Peer mentoring ");
        var category = CaseData.UniqueName("Community ");

        var added = await admin.SubmitFormAsync("/Admin/Interventions", new() { ["Input.CategoryCode"] = "personal-social-development", ["Input.Name"] = name }, "/Admin/Interventions?handler=Type");
        var duplicate = await (await admin.SubmitFormAsync("/Admin/Interventions", new() { ["Input.CategoryCode"] = "personal-social-development", ["Input.Name"] = name.ToUpperInvariant() }, "/Admin/Interventions?handler=Type")).TextAsync();
        var addedCategory = await admin.SubmitFormAsync("/Admin/Interventions", new() { ["NewCategory.Name"] = category }, "/Admin/Interventions?handler=Category");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, addedCategory.StatusCode);
        Assert.Contains("That category already has a type with this name", duplicate, StringComparison.Ordinal);
        var code = "personal-social-development." + CatalogueCodes.Slug(name);
        using var api = await app.ApiClientAsync(keyWorker.Email!);
        var catalogue = await api.GetFromJsonAsync<JsonElement>("/api/v1/reference/interventions");
        Assert.Contains(catalogue.EnumerateArray().SelectMany(c => c.GetProperty("types").EnumerateArray()), t => t.GetProperty("code").GetString() == code);
        Assert.Equal(category, catalogue.EnumerateArray().Last().GetProperty("name").GetString());
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var body = Body();
        body["typeCode"] = code;
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync(Url(person.Engagements.Single().Id), body)).StatusCode);
        using var keyWorkerPages = await app.PageClientAsync(keyWorker.Email!);
        CaseData.AssertAccessDenied(await keyWorkerPages.GetAsync("/Admin/Interventions"));
    }
}

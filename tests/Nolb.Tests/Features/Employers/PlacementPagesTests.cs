using System.Net;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Employers;

/// <summary>Changing a placement on its page: saved, refused when someone else saved first, and 404 for another LEP's.</summary>
public sealed class PlacementPagesTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Placement> PlacementAsync(string lepCode = NolbAppFactory.Glasgow)
    {
        var employer = await app.EmployerAsync(lepCode);
        var person = await app.PersonAsync(lepCode, await app.StaffAsync(Role.KeyWorker, lepCode));
        return await app.WithDbAsync(async db => await SaveAsync(db, new Placement
        {
            LepId = person.LepId,
            ParticipantId = person.Id,
            EmployerId = employer.Id,
            Kind = PlacementKind.WorkExperience,
            StartDate = CaseData.Today.AddDays(-14),
            HoursPerWeek = 16,
            WeeklyAllowance = 40,
            CreatedAt = DateTime.UtcNow,
        }));
    }

    private static async Task<Placement> SaveAsync(Nolb.Web.Data.NolbDbContext db, Placement placement)
    {
        db.Placements.Add(placement);
        await db.SaveChangesAsync();
        return placement;
    }

    private static Dictionary<string, string> Fields(Placement placement, Guid version, string outcome, DateOnly? end) => new()
    {
        ["Input.EmployerId"] = placement.EmployerId.ToString(),
        ["Input.Kind"] = nameof(PlacementKind.WorkExperience),
        ["Input.StartDate"] = Iso(placement.StartDate),
        ["Input.EndDate"] = end is { } e ? Iso(e) : "",
        ["Input.HoursPerWeek"] = "16",
        ["Input.WeeklyAllowance"] = "40",
        ["Input.Outcome"] = outcome,
        ["Input.Notes"] = "Finished the fortnight",
        ["Input.Version"] = version.ToString(),
    };

    [Fact]
    public async Task An_officer_records_how_a_placement_went_and_the_list_shows_it()
    {
        var officer = await app.StaffAsync(Role.EmployerEngagementOfficer);
        var placement = await PlacementAsync();
        using var client = await app.PageClientAsync(officer.Email!);
        var url = $"/Placements/Edit/{placement.Id}";
        Assert.Contains("Change a placement", await client.PageTextAsync(url), StringComparison.Ordinal);

        var response = await client.SubmitFormAsync(url, Fields(placement, placement.Version, nameof(PlacementOutcome.Completed), CaseData.Today));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.WithDbAsync(db => Task.FromResult(db.Placements.Single(p => p.Id == placement.Id)));
        Assert.Equal(PlacementOutcome.Completed, saved.Outcome);
        Assert.Equal(CaseData.Today, saved.EndDate);
        Assert.NotEqual(placement.Version, saved.Version);
        Assert.Contains($"href=\"/Placements/Edit/{placement.Id}\"", await client.PageTextAsync("/Placements"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_from_a_stale_page_is_refused_and_changes_nothing()
    {
        var officer = await app.StaffAsync(Role.EmployerEngagementOfficer);
        var placement = await PlacementAsync();
        using var client = await app.PageClientAsync(officer.Email!);
        var url = $"/Placements/Edit/{placement.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(url, Fields(placement, placement.Version, nameof(PlacementOutcome.Completed), null))).StatusCode);

        var stale = await client.SubmitFormAsync(url, Fields(placement, placement.Version, nameof(PlacementOutcome.LeftEarly), CaseData.Today));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this record while you were editing it", await stale.TextAsync(), StringComparison.Ordinal);
        var saved = await app.WithDbAsync(db => Task.FromResult(db.Placements.Single(p => p.Id == placement.Id)));
        Assert.Equal(PlacementOutcome.Completed, saved.Outcome);
        Assert.Null(saved.EndDate);
    }

    [Fact]
    public async Task Another_leps_placement_is_not_found_and_a_key_worker_may_not_change_one()
    {
        var officer = await app.StaffAsync(Role.EmployerEngagementOfficer);
        var fife = await PlacementAsync(NolbAppFactory.Fife);
        var glasgow = await PlacementAsync();
        using var client = await app.PageClientAsync(officer.Email!);
        using var keyWorker = await app.PageClientAsync((await app.StaffAsync(Role.KeyWorker)).Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Placements/Edit/{fife.Id}")).StatusCode);
        CaseData.AssertAccessDenied(await keyWorker.GetAsync($"/Placements/Edit/{glasgow.Id}"));
    }
}

using System.Text.RegularExpressions;
using Nolb.Web.Domain.Appointments;
using Nolb.Web.Domain.CaseNotes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Participants;

/// <summary>Each test works in an LEP of its own, so LEP-wide counts are exact.</summary>
public sealed partial class CaseloadPageTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static List<string> References(string html) => CaseReference().Matches(html).Select(m => m.Groups["reference"].Value).ToList();

    private static void Move(Participant person, PipelineStage stage, Guid by) =>
        Assert.True(person.Engagements.Single().MoveTo(stage, CaseData.Today.AddDays(-1), "Moved on", by, CaseData.Today, DateTime.UtcNow).Succeeded);

    [Fact]
    public async Task A_key_worker_sees_only_their_own_open_cases_whatever_the_address_asks_for()
    {
        const string lep = "S12000036";
        var mine = await app.StaffAsync(Role.KeyWorker, lep);
        var theirs = await app.StaffAsync(Role.KeyWorker, lep);
        var open = await app.PersonAsync(lep, mine);
        var colleagues = await app.PersonAsync(lep, theirs);
        var closed = await app.PersonAsync(lep, mine, with: p => p.Engagements.Single().Close(CaseData.Today, LeavingReason.CompletedSupport, CaseData.Today));
        using var client = await app.PageClientAsync(mine.Email!);

        var own = References(await client.PageTextAsync("/Caseload"));
        var asked = References(await client.PageTextAsync($"/Caseload?KeyWorker={theirs.Id}"));

        Assert.Equal(new[] { open.Reference }, own);
        Assert.Equal(new[] { open.Reference }, asked);
        Assert.DoesNotContain(colleagues.Reference, own);
        Assert.DoesNotContain(closed.Reference, own);
    }

    [Fact]
    public async Task A_team_leader_sees_every_caseload_in_the_lep_and_can_narrow_it_to_one_key_worker_or_one_stage()
    {
        const string lep = "S12000033";
        var first = await app.StaffAsync(Role.KeyWorker, lep, name: "First Worker");
        var second = await app.StaffAsync(Role.KeyWorker, lep, name: "Second Worker");
        var leader = await app.StaffAsync(Role.TeamLeader, lep);
        var a = await app.PersonAsync(lep, first, with: p => Move(p, PipelineStage.VocationalActivity, first.Id));
        var b = await app.PersonAsync(lep, second);
        var elsewhere = await app.PersonAsync(NolbAppFactory.Fife, await app.StaffAsync(Role.KeyWorker, NolbAppFactory.Fife));
        using var client = await app.PageClientAsync(leader.Email!);

        var everyone = await client.PageTextAsync("/Caseload");
        var secondOnly = References(await client.PageTextAsync($"/Caseload?KeyWorker={second.Id}"));
        var stageThree = References(await client.PageTextAsync($"/Caseload?Stage={nameof(PipelineStage.VocationalActivity)}"));

        Assert.Equal(new[] { a.Reference, b.Reference }.Order(), References(everyone).Order());
        Assert.DoesNotContain(elsewhere.Reference, everyone, StringComparison.Ordinal);
        Assert.Contains("<td>Second Worker</td>", everyone, StringComparison.Ordinal);
        Assert.Equal(new[] { b.Reference }, secondOnly);
        Assert.Equal(new[] { a.Reference }, stageThree);
    }

    [Fact]
    public async Task Cases_sort_by_last_name_stage_and_days_since_last_activity()
    {
        const string lep = "S12000042";
        var keyWorker = await app.StaffAsync(Role.KeyWorker, lep);
        var adams = await app.PersonAsync(lep, keyWorker, family: "Adams", with: p => Move(p, PipelineStage.InWorkSupportAndAftercare, keyWorker.Id));
        var brown = await app.PersonAsync(lep, keyWorker, family: "Brown");
        var clark = await app.PersonAsync(lep, keyWorker, family: "Clark", with: p => Move(p, PipelineStage.VocationalActivity, keyWorker.Id));
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var byName = References(await client.PageTextAsync("/Caseload?Sort=Name"));
        var byStage = References(await client.PageTextAsync("/Caseload?Sort=Stage"));
        var byActivity = References(await client.PageTextAsync("/Caseload?Sort=LastActivity"));

        Assert.Equal(new[] { adams.Reference, brown.Reference, clark.Reference }, byName);
        Assert.Equal(new[] { brown.Reference, clark.Reference, adams.Reference }, byStage);
        Assert.Equal(brown.Reference, byActivity[0]);
    }

    /// <summary>Issue 3's "days since last activity" counts case notes and attended appointments, not only stage moves.</summary>
    [Fact]
    public async Task Days_since_last_activity_count_case_notes_and_attended_appointments_but_not_missed_ones()
    {
        const string lep = "S12000030";
        var keyWorker = await app.StaffAsync(Role.KeyWorker, lep);
        var quiet = await app.PersonAsync(lep, keyWorker, family: "Quiet");
        var noted = await app.PersonAsync(lep, keyWorker, family: "Noted");
        var seen = await app.PersonAsync(lep, keyWorker, family: "Seen");
        var now = DateTime.UtcNow;
        await app.WithDbAsync(async db =>
        {
            var notedCase = noted.Engagements.Single();
            db.CaseNotes.Add(CaseNote.Write(notedCase.Id, notedCase.LepId, CaseData.Today.AddDays(-4), "Phoned about the course", null, null,
                notedCase.StartDate, keyWorker.Id, CaseData.Today, now).Value!);
            var seenCase = seen.Engagements.Single();
            Appointment Book(DateTime startsAt, Attendance attendance)
            {
                var appointment = new Appointment { EngagementId = seenCase.Id, LepId = seenCase.LepId, RecordedByUserId = keyWorker.Id, RecordedAt = now };
                Assert.Empty(appointment.Apply(new AppointmentDetails(startsAt, 30, AppointmentChannel.Phone, null, "Key worker", null, keyWorker.Id), now, isNew: true));
                Assert.True(appointment.RecordAttendance(attendance, now).Succeeded);
                return appointment;
            }

            db.Appointments.Add(Book(now.AddDays(-2), Attendance.Attended));
            db.Appointments.Add(Book(now.AddDays(-1), Attendance.DidNotAttend));
            return await db.SaveChangesAsync();
        });
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var page = await client.PageTextAsync("/Caseload?Sort=LastActivity");

        Assert.Equal(new[] { quiet.Reference, noted.Reference, seen.Reference }, References(page));
        Assert.Equal("30", DaysSince(page, quiet.Reference));
        Assert.Equal("4", DaysSince(page, noted.Reference));
        Assert.Equal((CaseData.Today.DayNumber - DateOnly.FromDateTime(now.AddDays(-2)).DayNumber).ToString(System.Globalization.CultureInfo.InvariantCulture), DaysSince(page, seen.Reference));
    }

    /// <summary>The days-since-last-activity cell of the case's row.</summary>
    private static string DaysSince(string html, string reference)
    {
        var row = html[html.IndexOf($"<td>{reference}</td>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        return DaysCell().Matches(row).Select(m => m.Groups["days"].Value).First();
    }

    [GeneratedRegex("<td>(?<days>[0-9]+)</td>")]
    private static partial Regex DaysCell();

    [Fact]
    public async Task A_long_caseload_is_paged_25_at_a_time_with_links_between_pages()
    {
        const string lep = "S12000041";
        var keyWorker = await app.StaffAsync(Role.KeyWorker, lep);
        for (var i = 0; i < 27; i++)
        {
            await app.PersonAsync(lep, keyWorker, family: $"Paged{(char)('a' + i)}");
        }

        using var client = await app.PageClientAsync(keyWorker.Email!);

        var first = await client.PageTextAsync("/Caseload");
        var second = await client.PageTextAsync("/Caseload?Sort=Name&p=2");

        Assert.Contains("27 open cases.", first, StringComparison.Ordinal);
        Assert.Equal(25, References(first).Count);
        Assert.Equal(2, References(second).Count);
        Assert.Contains("aria-current=\"page\"", first, StringComparison.Ordinal);
        Assert.Contains("p=2", first, StringComparison.Ordinal);
        Assert.Empty(References(first).Intersect(References(second)));
    }

    [Fact]
    public async Task Roles_without_a_caseload_are_refused()
    {
        var manager = await app.StaffAsync(Role.LepManager);
        using var client = await app.PageClientAsync(manager.Email!);

        CaseData.AssertAccessDenied(await client.GetAsync("/Caseload"));
    }

    [GeneratedRegex("<td>(?<reference>NLB-[0-9A-Z]{6})</td>")]
    private static partial Regex CaseReference();
}

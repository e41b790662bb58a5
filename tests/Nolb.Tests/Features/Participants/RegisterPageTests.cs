using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Participants;

public sealed class RegisterPageTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static Dictionary<string, string> Form(string given, string family, DateOnly dateOfBirth, string? nino = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.GivenName"] = given,
            ["Input.FamilyName"] = family,
            ["Input.DateOfBirth"] = dateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Phone"] = "0141 496 0123",
            ["Input.PreferredContact"] = nameof(ContactMethod.Phone),
            ["Input.EmploymentStatusAtStart"] = nameof(EmploymentStatus.Unemployed12MonthsOrMore),
        };
        if (nino is not null)
        {
            form["Input.NationalInsuranceNumber"] = nino;
        }

        return form;
    }

    private Task<int> CountAsync(string family) => app.WithDbAsync(db => db.Participants.CountAsync(p => p.FamilyName == family));

    [Fact]
    public async Task Registering_creates_the_record_in_the_users_lep_and_the_record_shows_the_age_band_and_guarantee_worked_out_from_the_date_of_birth()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var family = CaseData.UniqueName("Reg");
        var dateOfBirth = CaseData.Today.AddYears(-21).AddDays(-3);

        var response = await client.SubmitFormAsync("/Participants/Register", Form("Eilidh", family, dateOfBirth));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.Participants.SingleAsync(p => p.FamilyName == family));
        Assert.Equal(await app.LepIdAsync(NolbAppFactory.Glasgow), stored.LepId);
        Assert.Equal(keyWorker.Id, stored.CreatedByUserId);
        Assert.Equal($"/Participants/{stored.Id}", response.Headers.Location!.OriginalString);
        Assert.Matches("^NLB-[0-9A-Z]{6}$", stored.Reference);
        var record = await client.PageTextAsync($"/Participants/{stored.Id}");
        Assert.Contains($"Eilidh {family} is registered with reference {stored.Reference}", record, StringComparison.Ordinal);
        Assert.Contains("age 21, band 20–24", record, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"ds_summary-list__value\">Eligible</dd>", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_has_no_field_for_age_band_or_guarantee_eligibility_because_they_are_derived()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var html = await client.PageTextAsync("/Participants/Register");

        Assert.Contains("name=\"Input.DateOfBirth\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("AgeBand", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("name=\"Input.YoungPersons", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Someone_over_24_is_not_eligible_for_the_guarantee_unless_care_experienced_up_to_26()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var notEligible = await app.PersonAsync(keyWorker: keyWorker, dateOfBirth: CaseData.Today.AddYears(-26));
        var careExperienced = await app.PersonAsync(keyWorker: keyWorker, dateOfBirth: CaseData.Today.AddYears(-26),
            with: p => p.Circumstances.CareExperienced = true);
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var first = await client.PageTextAsync($"/Participants/{notEligible.Id}");
        var second = await client.PageTextAsync($"/Participants/{careExperienced.Id}");

        Assert.Contains("band 25–29", first, StringComparison.Ordinal);
        Assert.Contains("Not eligible by age", first, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"ds_summary-list__value\">Eligible</dd>", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_form_names_each_missing_field_and_creates_nothing()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var before = await app.CountAsync<Participant>();

        var response = await client.SubmitFormAsync("/Participants/Register", new() { ["Input.PreferredName"] = "Typed Preferred" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_GivenName\">Enter the person's first name</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_FamilyName\">Enter the person's last name</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_DateOfBirth\">Enter the person's date of birth</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_PreferredContact\">Choose how the person wants to be contacted</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_EmploymentStatusAtStart\">Choose the person's employment status when they started</a>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Typed Preferred\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.CountAsync<Participant>());
    }

    [Fact]
    public async Task Badly_formed_answers_are_refused_with_a_message_saying_how_to_put_them_right()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var family = CaseData.UniqueName("Bad");
        var form = Form("Young", family, CaseData.Today.AddYears(-10), nino: "12345");
        form["Input.Postcode"] = "NOT A POSTCODE";
        form["Input.PreferredContact"] = nameof(ContactMethod.Email);

        var html = await (await client.SubmitFormAsync("/Participants/Register", form)).TextAsync();

        Assert.Contains("<a href=\"#Input_DateOfBirth\">The person must be at least 14 years old. Check the date of birth</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_NationalInsuranceNumber\">Enter a National Insurance number in the right format, like QQ 12 34 56 C</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Postcode\">Enter a real postcode, like G1 1XQ</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Email\">Enter an email address, or choose another way to contact the person</a>", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(family));
    }

    [Fact]
    public async Task The_same_name_and_date_of_birth_in_the_lep_is_shown_before_a_second_record_is_made_and_only_a_confirmation_makes_it()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var family = CaseData.UniqueName("Dup");
        var dateOfBirth = new DateOnly(1990, 5, 17);
        var existing = await app.PersonAsync(given: "Morag", family: family, dateOfBirth: dateOfBirth);
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var first = await client.SubmitFormAsync("/Participants/Register", Form("MORAG", family.ToLowerInvariant(), dateOfBirth));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = await first.TextAsync();
        Assert.Contains("This person may already have a record", html, StringComparison.Ordinal);
        Assert.Contains($"({existing.Reference}): same name and date of birth", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Participants/{existing.Id}\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(family));

        var confirmed = Form("Morag", family, dateOfBirth);
        confirmed["ConfirmedNotDuplicate"] = "true";
        var second = await client.SubmitFormAsync("/Participants/Register", confirmed);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(2, await CountAsync(family));
    }

    [Fact]
    public async Task The_same_national_insurance_number_in_the_lep_is_shown_even_under_another_name()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var existing = await app.PersonAsync(with: p => p.NationalInsuranceNumber = "JK123456C");
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var family = CaseData.UniqueName("Other");

        var html = await (await client.SubmitFormAsync("/Participants/Register", Form("Someone", family, new DateOnly(1985, 1, 2), nino: "jk 12 34 56 c"))).TextAsync();

        Assert.Contains($"({existing.Reference}): same National Insurance number", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(family));
    }

    [Fact]
    public async Task A_matching_person_in_another_lep_is_never_shown_or_hinted_at()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var family = CaseData.UniqueName("Elsewhere");
        var dateOfBirth = new DateOnly(1979, 11, 30);
        var inFife = await app.PersonAsync(NolbAppFactory.Fife, given: "Ross", family: family, dateOfBirth: dateOfBirth,
            with: p => p.NationalInsuranceNumber = "AB123456D");
        var inGlasgow = await app.PersonAsync(with: p => p.NationalInsuranceNumber = "AB123456D");
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var html = await (await client.SubmitFormAsync("/Participants/Register", Form("Ross", family, dateOfBirth, nino: "AB123456D"))).TextAsync();

        Assert.Contains(inGlasgow.Reference, html, StringComparison.Ordinal);
        Assert.DoesNotContain(inFife.Reference, html, StringComparison.Ordinal);
        Assert.DoesNotContain(inFife.Id.ToString(), html, StringComparison.Ordinal);

        var onlyFifeMatches = await client.SubmitFormAsync("/Participants/Register", Form("Ross", family, dateOfBirth));

        Assert.Equal(HttpStatusCode.Redirect, onlyFifeMatches.StatusCode);
        Assert.Equal(2, await CountAsync(family));
    }

    [Fact]
    public async Task A_name_with_markup_is_stored_as_typed_and_shown_as_text()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var family = CaseData.UniqueName("Xss");

        var response = await client.SubmitFormAsync("/Participants/Register", Form("<script>alert(1)</script>", family, new DateOnly(1995, 3, 3)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var raw = await (await client.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", raw, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_that_do_not_register_people_are_refused_and_nothing_is_made()
    {
        var manager = await app.StaffAsync(Role.LepManager);
        using var client = await app.PageClientAsync(manager.Email!);
        var before = await app.CountAsync<Participant>();

        var page = await client.GetAsync("/Participants/Register");

        CaseData.AssertAccessDenied(page);
        Assert.Equal(before, await app.CountAsync<Participant>());
    }
}

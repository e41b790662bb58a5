using System.Net;
using System.Text.RegularExpressions;
using FsCheck.Fluent;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Proof;

/// <summary>
/// Every create form, with its text fields (read from the page itself, so a new field is covered too) filled with
/// generated hostile text: over-long values, control characters, script. The answer is a validation message or a
/// saved record, never a server error, and script is never echoed unencoded.
/// </summary>
public sealed partial class HostileFormTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    public static TheoryData<string, Role> CreateForms => new()
    {
        { "/Participants/Register", Role.KeyWorker },
        { "/Organisations/Create", Role.Administrator },
        { "/Admin/Users/Create", Role.Administrator },
        { "/Directory/Services/Create", Role.LepManager },
        { "/DeliveryPlans/Create", Role.LepManager },
        { "/Commissioning/Create", Role.LepManager },
        { "/Employers/Create", Role.EmployerEngagementOfficer },
        { "/Vacancies/Create", Role.EmployerEngagementOfficer },
        { "/Placements/Create", Role.EmployerEngagementOfficer },
        { "/Incentives/Create", Role.EmployerEngagementOfficer },
    };

    [Theory]
    [MemberData(nameof(CreateForms))]
    public async Task A_create_form_given_hostile_text_answers_a_message_or_a_record_never_a_server_error(string url, Role role)
    {
        var user = role == Role.Administrator ? null : await app.StaffAsync(role);
        using var client = user is null
            ? await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword)
            : await app.PageClientAsync(user.Email!);
        var empty = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var fields = TextFields().Matches(await empty.Content.ReadAsStringAsync()).Select(m => m.Groups["name"].Value)
            .Where(n => n is not ("__RequestVerificationToken" or "FormToken")).Distinct().ToList();
        Assert.NotEmpty(fields);
        var values = Gen.ListOf(Hostile.Text(), fields.Count).Select(v => fields.Zip(v).ToDictionary(p => p.First, p => p.Second));

        await Hostile.CheckAsync(values, 4, v => string.Join(", ", v.Select(p => $"{p.Key}={Hostile.Describe(p.Value)}")), async form =>
        {
            var response = await client.SubmitFormAsync(url, form);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}");
            Assert.DoesNotContain(Hostile.Script, html, StringComparison.Ordinal);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                var shown = await client.GetAsync(response.Headers.Location);
                Assert.True((int)shown.StatusCode < 500, $"the saved record's page answered {(int)shown.StatusCode}");
                Assert.DoesNotContain(Hostile.Script, await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        });
    }

    // Text-like inputs (no type, or text, email, tel, url, search) and text areas.
    [GeneratedRegex("<(?:input(?![^>]*type=\"(?:hidden|checkbox|radio|submit|date|number|file)\")[^>]*|textarea[^>]*)\\sname=\"(?<name>[^\"]+)\"")]
    private static partial Regex TextFields();
}

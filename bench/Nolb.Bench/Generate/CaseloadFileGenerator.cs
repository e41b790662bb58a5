using System.Globalization;

namespace Nolb.Bench.Generate;

/// <summary>
/// A caseload file in Nolb's template, as an LEP would bring it: per person a person row, an engagement, two stage moves,
/// an intervention with a qualification and a job outcome with its 13-week check — six rows a person, in fixed past dates.
/// Names and dates of birth vary so no two people look like duplicates of each other.
/// </summary>
public static class CaseloadFileGenerator
{
    public const int RowsPerPerson = 6;

    private static readonly string[] Given = ["Morag", "Callum", "Isla", "Euan", "Ailsa", "Fraser", "Kirsty", "Hamish", "Eilidh", "Struan"];

    public static IEnumerable<(string Field, string Value)[]> Rows(string prefix, int people, string keyWorkerEmail, string interventionType)
    {
        for (var i = 0; i < people; i++)
        {
            var person = $"{prefix}-P{i}";
            var engagement = $"{prefix}-E{i}";
            var birth = new DateOnly(1960, 1, 1).AddDays(i % 14000);
            var family = Family(prefix, i);
            yield return
            [
                ("RecordType", "Person"), ("PersonRef", person), ("GivenName", Given[i % Given.Length]), ("FamilyName", family),
                ("DateOfBirth", birth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)), ("PreferredContact", "InPerson"),
                ("EmploymentStatus", i % 3 == 0 ? "Unemployed12MonthsOrMore" : "UnemployedUnder12Months"), ("Sex", i % 2 == 0 ? "Female" : "Male"),
                ("Ethnicity", "WhiteScottish"),
            ];
            yield return
            [
                ("RecordType", "Engagement"), ("PersonRef", person), ("EngagementRef", engagement), ("StartDate", "01/04/2024"),
                ("ReferralSource", "Jobcentre Plus"), ("FundingStreams", "NoOneLeftBehind"), ("KeyWorkerEmail", keyWorkerEmail),
            ];
            yield return [("RecordType", "Stage"), ("EngagementRef", engagement), ("Stage", "2"), ("StartDate", "2024-04-15")];
            yield return [("RecordType", "Stage"), ("EngagementRef", engagement), ("Stage", "3"), ("StartDate", "2024-05-15")];
            yield return
            [
                ("RecordType", "Intervention"), ("EngagementRef", engagement), ("RecordRef", $"{prefix}-I{i}"), ("InterventionType", interventionType),
                ("DeliveredBy", "OwnTeam"), ("StartDate", "2024-05-01"), ("EndDate", "2024-06-01"), ("InterventionOutcome", "Completed"),
                ("QualificationTitle", "Food hygiene"), ("QualificationScqfLevel", "5"), ("QualificationAwardingBody", "SQA"),
            ];
            yield return
            [
                ("RecordType", "Outcome"), ("EngagementRef", engagement), ("RecordRef", $"{prefix}-O{i}"), ("OutcomeKind", "JobEntry"),
                ("StartDate", "01/07/2024"), ("Organisation", "Kelvin Kitchens"), ("JobTitle", "Kitchen assistant"), ("SocCode", "9263"),
                ("HoursPerWeek", "20"), ("HourlyPay", "12.60"), ("Contract", "Permanent"), ("Check13Result", "Sustained"),
                ("Check13Date", "2024-10-01"), ("Check13Evidence", "Payslip"),
            ];
        }
    }

    /// <summary>Every field the rows use, in the template's order.</summary>
    public static readonly string[] Header =
    [
        "RecordType", "PersonRef", "EngagementRef", "RecordRef", "GivenName", "FamilyName", "DateOfBirth", "PreferredContact",
        "EmploymentStatus", "Sex", "Ethnicity", "StartDate", "EndDate", "ReferralSource", "FundingStreams", "KeyWorkerEmail", "Stage",
        "InterventionType", "DeliveredBy", "InterventionOutcome", "QualificationTitle", "QualificationScqfLevel", "QualificationAwardingBody",
        "OutcomeKind", "Organisation", "JobTitle", "SocCode", "HoursPerWeek", "HourlyPay", "Contract", "Check13Result", "Check13Date", "Check13Evidence",
    ];

    /// <summary>Writes the rows as CSV as they are made, so a 50,000-row file is never held in memory.</summary>
    public static async Task WriteCsvAsync(TextWriter writer, IEnumerable<(string Field, string Value)[]> rows)
    {
        await writer.WriteLineAsync(string.Join(',', Header));
        foreach (var row in rows)
        {
            var cells = new string[Header.Length];
            Array.Fill(cells, "");
            foreach (var (field, value) in row)
            {
                cells[Array.IndexOf(Header, field)] = value.Contains(',', StringComparison.Ordinal) ? $"\"{value}\"" : value;
            }

            await writer.WriteLineAsync(string.Join(',', cells));
        }
    }

    /// <summary>A family name of letters only, different for each person of the file.</summary>
    private static string Family(string prefix, int i)
    {
        var letters = new char[4];
        for (var n = 0; n < 4; n++, i /= 26)
        {
            letters[n] = (char)('a' + (i % 26));
        }

        return "Import" + prefix + new string(letters);
    }
}

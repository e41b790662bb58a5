using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nolb.Web.Data;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.Measurement;

/// <summary>
/// Where the secret behind the return's pseudonymised ids lives: server-side configuration
/// (<c>Nolb:Returns:PseudonymisationKey</c>, at least 32 characters, e.g. from a secret store). Each LEP's key is
/// derived from it with HMAC, so one LEP's ids cannot be matched with another's, and none can be reversed
/// without the secret. Changing the secret changes every id.
/// </summary>
public sealed class ReturnOptions
{
    public const string Section = "Nolb:Returns";

    public string? PseudonymisationKey { get; set; }
}

/// <summary>
/// The participant-level quarterly data return: one row per engagement open in the quarter in one LEP, with a
/// pseudonymised id (stable per person, not reversible without the LEP's key), the age band rather than the date
/// of birth, the equality and circumstance fields, stage, funding, outcomes and sustainment. Streamed row by row
/// from one query, so memory does not grow with the number of rows.
/// </summary>
public sealed class QuarterlyReturn(ReportingDbContextFactory reporting, IOptions<ReturnOptions> options)
{
    public const int MinimumKeyLength = 32;

    public bool IsConfigured => options.Value.PseudonymisationKey is { Length: >= MinimumKeyLength };

    /// <summary>HMAC-SHA256 of the participant id under the LEP's key: 32 hex characters.</summary>
    public static string Pseudonym(byte[] lepKey, Guid participantId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(lepKey, participantId.ToByteArray())[..16]);

    public static byte[] LepKey(string secret, string lepCode) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("nolb-quarterly-return:" + lepCode));

    public sealed record Row(
        string PseudonymisedId, string Lep, string AgeBand, string? Sex, string? TransStatus, string? Ethnicity, string? Disabled,
        string? LongTermHealthCondition, string? Religion, string? SexualOrientation, bool CareExperienced, bool Parent, bool LoneParent,
        bool DisabledParentOrChild, bool ThreeOrMoreChildren, bool MinorityEthnicFamily, bool YoungestChildUnderOne, bool MotherUnder25,
        bool Carer, bool JusticeExperience, bool HomelessOrAtRisk, bool RefugeeOrAsylumSeeker, bool Veteran, bool SubstanceUseRecovery,
        string EmploymentStatusAtStart, int? HighestScqfLevel, string ReferralSource, string FundingStreams, string StartDate,
        int? StageAtQuarterEnd, string? LeftOn, string? LeavingReason, string? FirstJobStart, string? FirstEducationOrTrainingStart,
        string? FirstVolunteeringStart, string Sustained13Weeks, string Sustained26Weeks, string Sustained52Weeks);

    public async Task WriteAsync(Stream output, Guid lepId, string lepCode, ReportingPeriod quarter, CancellationToken ct)
    {
        var key = LepKey(options.Value.PseudonymisationKey!, lepCode);
        var from = quarter.From;
        var to = quarter.To;
        await using var db = reporting.Create();
        var rows = db.Engagements
            .Where(e => e.LepId == lepId && e.StartDate <= to && (e.LeftOn == null || e.LeftOn >= from))
            .OrderBy(e => e.StartDate).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.ParticipantId,
                e.Participant!.DateOfBirth,
                e.Participant.Equality,
                e.Participant.Circumstances,
                e.Participant.EmploymentStatusAtStart,
                e.Participant.HighestScqfLevel,
                e.ReferralSource,
                e.FundingStreams,
                e.StartDate,
                Stage = db.StageMoves.Where(m => m.EngagementId == e.Id && m.Date <= to)
                    .OrderByDescending(m => m.Date).ThenByDescending(m => m.RecordedAt).Select(m => (PipelineStage?)m.Stage).FirstOrDefault(),
                LeftOn = e.LeftOn <= to ? e.LeftOn : null,
                LeavingReason = e.LeftOn <= to ? e.LeavingReason : null,
                FirstJob = db.Outcomes.Where(o => o.EngagementId == e.Id && o.StartDate <= to && (o.Kind == OutcomeKind.JobEntry || o.Kind == OutcomeKind.SelfEmployment))
                    .Min(o => (DateOnly?)o.StartDate),
                FirstLearning = db.Outcomes.Where(o => o.EngagementId == e.Id && o.StartDate <= to && (o.Kind == OutcomeKind.Education || o.Kind == OutcomeKind.Training))
                    .Min(o => (DateOnly?)o.StartDate),
                FirstVolunteering = db.Outcomes.Where(o => o.EngagementId == e.Id && o.StartDate <= to && o.Kind == OutcomeKind.Volunteering)
                    .Min(o => (DateOnly?)o.StartDate),
                Sustained13 = db.Outcomes.Where(o => o.EngagementId == e.Id).SelectMany(o => o.Checks)
                    .Where(c => c.Point == SustainmentPoint.Weeks13 && c.DueDate <= to && c.Result != null).Min(c => (SustainmentResult?)c.Result),
                Sustained26 = db.Outcomes.Where(o => o.EngagementId == e.Id).SelectMany(o => o.Checks)
                    .Where(c => c.Point == SustainmentPoint.Weeks26 && c.DueDate <= to && c.Result != null).Min(c => (SustainmentResult?)c.Result),
                Sustained52 = db.Outcomes.Where(o => o.EngagementId == e.Id).SelectMany(o => o.Checks)
                    .Where(c => c.Point == SustainmentPoint.Weeks52 && c.DueDate <= to && c.Result != null).Min(c => (SustainmentResult?)c.Result),
            })
            .AsAsyncEnumerable();

        var configuration = SpreadsheetText.CsvExport();
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, configuration);
        csv.WriteHeader<Row>();
        await csv.NextRecordAsync();
        var written = 0;
        await foreach (var e in rows.WithCancellation(ct))
        {
            csv.WriteRecord(new Row(
                Pseudonym(key, e.ParticipantId), lepCode, Age.Band(e.DateOfBirth, e.StartDate).DisplayName(),
                e.Equality.Sex?.ToString(), e.Equality.TransStatus?.ToString(), e.Equality.Ethnicity?.ToString(), e.Equality.Disabled?.ToString(),
                e.Equality.LongTermHealthCondition?.ToString(), e.Equality.Religion?.ToString(), e.Equality.SexualOrientation?.ToString(),
                e.Circumstances.CareExperienced, e.Circumstances.Parent, e.Circumstances.LoneParent, e.Circumstances.DisabledParentOrChild,
                e.Circumstances.ThreeOrMoreChildren, e.Circumstances.MinorityEthnicFamily, e.Circumstances.YoungestChildUnderOne,
                e.Circumstances.MotherUnder25, e.Circumstances.Carer, e.Circumstances.JusticeExperience, e.Circumstances.HomelessOrAtRisk,
                e.Circumstances.RefugeeOrAsylumSeeker, e.Circumstances.Veteran, e.Circumstances.SubstanceUseRecovery,
                e.EmploymentStatusAtStart.ToString(), e.HighestScqfLevel, e.ReferralSource.ToString(), string.Join(";", e.FundingStreams),
                Date(e.StartDate)!, (int?)e.Stage, Date(e.LeftOn), e.LeavingReason?.ToString(), Date(e.FirstJob), Date(e.FirstLearning),
                Date(e.FirstVolunteering), e.Sustained13?.ToString() ?? "", e.Sustained26?.ToString() ?? "", e.Sustained52?.ToString() ?? ""));
            await csv.NextRecordAsync();
            if (++written % 1000 == 0)
            {
                await csv.FlushAsync();
            }
        }

        await csv.FlushAsync();
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

using System.Globalization;
using Nolb.Web.Domain.ActionPlans;
using Nolb.Web.Domain.Appointments;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.Me;

/// <summary>The words a participant sees: plain, short, kind, and never a staff label such as "not job ready".</summary>
public static class MeLabels
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    public static string When(DateTime utc) => UkTime.Format(utc);

    public static string Plain(this PipelineStage stage) => stage switch
    {
        PipelineStage.EngagementReferralAndAssessment => "Getting started",
        PipelineStage.NeedsAssessmentAndBarrierRemoval => "Working on the things that make work hard",
        PipelineStage.VocationalActivity => "Learning, training and trying out work",
        PipelineStage.EmployerEngagementAndJobMatching => "Looking for the right job",
        _ => "Support while you are in work",
    };

    public static string Plain(this ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.InProgress => "Started",
        ActionStatus.Done => "Done",
        _ => "Not needed now",
    };

    public static string Plain(this ReferralStatus status) => status switch
    {
        ReferralStatus.Sent => "Waiting for them to reply",
        ReferralStatus.Accepted => "They can help you",
        ReferralStatus.Declined => "They cannot help this time. Your key worker will talk to you about other options",
        ReferralStatus.Completed => "Finished",
        _ => "With your key worker",
    };

    public static string Plain(this OutcomeKind kind) => kind switch
    {
        OutcomeKind.JobEntry => "A job",
        OutcomeKind.SelfEmployment => "Working for yourself",
        OutcomeKind.Education => "Education",
        OutcomeKind.Training => "Training",
        _ => "Volunteering",
    };

    public static string Plain(this AppointmentChannel channel) => channel switch
    {
        AppointmentChannel.InPerson => "Face to face",
        AppointmentChannel.Phone => "Phone call",
        _ => "Video call",
    };

    public static string Minutes(int minutes) => minutes.ToString(CultureInfo.InvariantCulture) + " minutes";
}

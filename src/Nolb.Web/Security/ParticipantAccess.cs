using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Security;

/// <summary>
/// Who may see and change a person's record. Staff see people in their own LEP only (another LEP's record
/// answers 404); key workers read their whole LEP (their team) but change only their own caseload and
/// people not yet on anyone's; team leaders change anyone's in the LEP.
/// </summary>
public static class ParticipantAccess
{
    public static IQueryable<Participant> VisibleTo(this IQueryable<Participant> participants, CurrentUser user)
    {
        if (user.Has(Permissions.Participants.ReadLep))
        {
            return participants.Where(p => p.LepId == user.LepId);
        }

        return user.Has(Permissions.Participants.ReadOwnCaseload)
            ? participants.Where(p => p.LepId == user.LepId && p.Engagements.Any(e => e.LeftOn == null && e.KeyWorkerId == user.Id))
            : participants.Where(p => false);
    }

    public static bool CanRead(this CurrentUser user, Participant participant)
    {
        if (participant.LepId != user.LepId)
        {
            return false;
        }

        return user.Has(Permissions.Participants.ReadLep)
            || (user.Has(Permissions.Participants.ReadOwnCaseload) && participant.OpenEngagement?.KeyWorkerId == user.Id);
    }

    public static bool CanEdit(this CurrentUser user, Participant participant)
    {
        if (!user.CanRead(participant))
        {
            return false;
        }

        if (user.Has(Permissions.Participants.EditLep))
        {
            return true;
        }

        var keyWorker = participant.OpenEngagement?.KeyWorkerId;
        return user.Has(Permissions.Participants.EditOwnCaseload) && (keyWorker is null || keyWorker == user.Id);
    }

    public static bool CanSeeEqualityData(this CurrentUser user) => user.Has(Permissions.Participants.ReadEqualityData);
}

using Nolb.Web.Domain;

namespace Nolb.Web.Security;

/// <summary>
/// The one tenancy rule for records that belong to an LEP: users of an LEP see their own LEP's
/// records (and national ones); national roles see every LEP's. Lists apply it as a query filter and
/// single records are checked after loading, so a record of another LEP answers 404, never 403.
/// </summary>
public static class Tenancy
{
    /// <summary>National roles belong to no LEP (enforced when accounts are made), so they work across all of them.</summary>
    public static bool SeesAllLeps(this CurrentUser user) => user.IsAuthenticated && user.LepId is null;

    public static IQueryable<Organisation> VisibleTo(this IQueryable<Organisation> organisations, CurrentUser user) =>
        user.SeesAllLeps()
            ? organisations
            : organisations.Where(o => o.LepId == null || o.LepId == user.LepId);

    public static bool CanSee(this CurrentUser user, Organisation organisation) =>
        user.SeesAllLeps() || organisation.LepId is null || organisation.LepId == user.LepId;
}

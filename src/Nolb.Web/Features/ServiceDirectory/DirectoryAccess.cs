using Nolb.Web.Domain.ServiceDirectory;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ServiceDirectory;

/// <summary>
/// The tenancy rule for the directory: an LEP's users see their own LEP's services and national ones;
/// national roles see every LEP's. Another LEP's service answers 404. LEP managers change their own LEP's
/// services; administrators change any, including national ones.
/// </summary>
public static class DirectoryAccess
{
    public static IQueryable<DirectoryService> VisibleTo(this IQueryable<DirectoryService> services, CurrentUser user) =>
        user.SeesAllLeps() ? services : services.Where(s => s.LepId == null || s.LepId == user.LepId);

    public static bool CanSee(this CurrentUser user, DirectoryService service) =>
        user.SeesAllLeps() || service.LepId is null || service.LepId == user.LepId;

    public static bool CanManage(this CurrentUser user, DirectoryService service) =>
        user.Has(Permissions.ServiceDirectory.Manage) && (user.SeesAllLeps() || (service.LepId is not null && service.LepId == user.LepId));

    /// <summary>The LEP a new or imported service goes into: the user's own, unless they are national and name one.</summary>
    public static bool MayPlaceIn(this CurrentUser user, Guid? lepId) =>
        user.Has(Permissions.ServiceDirectory.Manage) && (user.SeesAllLeps() || (lepId is not null && lepId == user.LepId));
}

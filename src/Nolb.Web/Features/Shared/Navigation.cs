using Nolb.Web.Security;

namespace Nolb.Web.Features.Shared;

/// <summary>A place in Nolb a user can go, shown in the header and on the home page when they hold its permission.</summary>
public sealed record NavigationItem(string Title, string Page, string Permission, string Description);

public static class Navigation
{
    public static IReadOnlyList<NavigationItem> All { get; } =
    [
        new("Organisations", "/Organisations/Index", Permissions.Organisations.Read,
            "The delivery partners and other organisations in your partnership."),
        new("Users", "/Admin/Users/Index", Permissions.Users.Manage,
            "Create accounts, set each person's role, LEP and organisation, and disable accounts."),
        new("Audit trail", "/Admin/Audit/Index", Permissions.Audit.Search,
            "Search who signed in, and who saw and changed which record, when and from where."),
    ];

    public static IEnumerable<NavigationItem> For(CurrentUser user) => All.Where(item => user.Has(item.Permission));
}

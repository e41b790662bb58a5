namespace Nolb.Web.Security;

/// <summary>
/// The signed-in user of this request, loaded fresh from the database by
/// <see cref="CurrentUserMiddleware"/> so a disabled account or a changed role takes effect at once.
/// </summary>
public sealed class CurrentUser
{
    public Guid? Id { get; private set; }
    public string? Email { get; private set; }
    public string? DisplayName { get; private set; }
    public Role? Role { get; private set; }
    public Guid? LepId { get; private set; }
    public string? LepCode { get; private set; }
    public string? LepName { get; private set; }
    public Guid? OrganisationId { get; private set; }

    /// <summary>The participant's own record, for a participant's account; null for staff.</summary>
    public Guid? ParticipantId { get; private set; }
    public string? IpAddress { get; private set; }

    public bool TwoFactorEnabled { get; private set; }

    /// <summary>
    /// This session began with two factors: Nolb's own code, or an identity provider that asserted multi-factor
    /// authentication at single sign-on (ADR 021).
    /// </summary>
    public bool SignedInWithTwoFactors { get; private set; }

    /// <summary>
    /// A role that needs two-factor sign-in, on an account that has not set it up yet and did not sign in with a
    /// provider's multi-factor authentication: nothing else is open to it.
    /// </summary>
    public bool MustSetUpTwoFactor => Role is { } role && role.RequiresTwoFactor() && !TwoFactorEnabled && !SignedInWithTwoFactors;

    public bool IsAuthenticated => Id is not null;

    public IReadOnlySet<string> Permissions =>
        Role is { } role ? RolePermissions.For(role) : new HashSet<string>();

    public bool Has(string permission) => Role is { } role && RolePermissions.Has(role, permission);

    internal void SignedIn(NolbUser user, bool withTwoFactors)
    {
        SignedInWithTwoFactors = withTwoFactors;
        Id = user.Id;
        Email = user.Email;
        DisplayName = user.DisplayName;
        Role = user.Role;
        LepId = user.LepId;
        LepCode = user.Lep?.Code;
        LepName = user.Lep?.Name;
        OrganisationId = user.OrganisationId;
        ParticipantId = user.ParticipantId;
        TwoFactorEnabled = user.TwoFactorEnabled;
    }

    internal void From(string? ipAddress) => IpAddress = ipAddress;
}

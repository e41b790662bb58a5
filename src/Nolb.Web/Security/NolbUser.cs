using Microsoft.AspNetCore.Identity;
using Nolb.Web.Domain;

namespace Nolb.Web.Security;

/// <summary>A person who signs in: staff of a partnership or organisation, or a participant.</summary>
public sealed class NolbUser : IdentityUser<Guid>
{
    public NolbUser() => Id = Guid.NewGuid();

    public required string DisplayName { get; set; }
    public Role Role { get; set; }
    public Guid? LepId { get; set; }
    public Lep? Lep { get; set; }
    public Guid? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; init; }

    /// <summary>For a participant's own account: the record it may see, and no other. Null for staff.</summary>
    public Guid? ParticipantId { get; set; }

    /// <summary>
    /// The 30-second time step of the last authenticator code this account used: a code of that step or an earlier one is
    /// refused, so a code seen over someone's shoulder (or in a proxy's log) cannot be used again (RFC 6238 section 5.2).
    /// </summary>
    public long? LastAuthenticatorStep { get; set; }
}

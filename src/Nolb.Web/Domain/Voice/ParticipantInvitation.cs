using System.Security.Cryptography;
using System.Text;

namespace Nolb.Web.Domain.Voice;

/// <summary>
/// A key worker's invitation to a person to see their own plan online. The link carries a random token; only its
/// SHA-256 hash is stored, so the table alone cannot be used to accept an invitation. It works once, until it expires.
/// </summary>
public sealed class ParticipantInvitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ParticipantId { get; init; }
    public Guid LepId { get; init; }
    public required string Email { get; init; }
    public required string TokenHash { get; init; }
    public Guid InvitedByUserId { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? AcceptedAt { get; private set; }

    public bool IsUsable(DateTime now) => AcceptedAt is null && now < ExpiresAt;

    /// <summary>A new invitation and the token to put in its link (shown once, never stored).</summary>
    public static (ParticipantInvitation Invitation, string Token) Create(Guid participantId, Guid lepId, string email, Guid invitedBy, DateTime now)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var invitation = new ParticipantInvitation
        {
            ParticipantId = participantId,
            LepId = lepId,
            Email = email,
            TokenHash = Hash(token),
            InvitedByUserId = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        return (invitation, token);
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public void Accept(DateTime now) => AcceptedAt = now;

    /// <summary>A newer invitation replaces this one: its link stops working.</summary>
    public void Withdraw(DateTime now)
    {
        if (ExpiresAt > now)
        {
            ExpiresAt = now;
        }
    }
}

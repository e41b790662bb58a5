using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;

namespace Nolb.Web.Security;

/// <summary>
/// Server-side sessions: started by every sign-in (<see cref="NolbSignInManager"/>), checked on every request
/// (<see cref="CurrentUserMiddleware"/>, straight from the database, so an ended session is refused at once on every
/// instance), ended by signing out (this one) or signing out everywhere (all of them).
/// </summary>
public sealed class UserSessions(NolbDbContext db, TimeProvider clock)
{
    /// <summary>The claim in the cookie or token that names its session.</summary>
    public const string ClaimType = "nolb:session";

    /// <summary>The claim in an API token that names the one refresh token of its session still usable.</summary>
    public const string RefreshClaimType = "nolb:refresh";

    /// <summary>
    /// Sessions that ended, or began longer ago than any cookie or refresh token lives (ten hours, fourteen days), are
    /// of no further use; each new sign-in clears the person's own.
    /// </summary>
    private static readonly TimeSpan Forgotten = TimeSpan.FromDays(15);

    public static Guid? IdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimType), out var id) ? id : null;

    public async Task<UserSession> StartAsync(Guid userId, bool withRefreshToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - Forgotten;
        await db.UserSessions.Where(s => s.UserId == userId && (s.EndedAt != null || s.StartedAt < cutoff)).ExecuteDeleteAsync();
        var session = new UserSession
        {
            UserId = userId,
            StartedAt = now,
            RefreshTokenId = withRefreshToken ? Guid.NewGuid() : null,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        return session;
    }

    /// <summary>
    /// Uses a session's refresh token: answers the id of its replacement, or null if the session has ended or the token
    /// was already used. A used refresh token coming back means it was copied, so the session is ended for both holders
    /// (refresh token reuse detection, RFC 9700 section 4.14.2).
    /// </summary>
    public async Task<Guid?> RotateRefreshTokenAsync(Guid sessionId, Guid userId, Guid refreshTokenId, CancellationToken ct)
    {
        var next = Guid.NewGuid();
        var rotated = await db.UserSessions
            .Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null && s.RefreshTokenId == refreshTokenId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RefreshTokenId, next), ct);
        if (rotated == 1)
        {
            return next;
        }

        await EndAsync(sessionId, ct);
        return null;
    }

    public async Task EndAsync(Guid sessionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), ct);
    }

    public async Task EndAllAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), ct);
    }
}

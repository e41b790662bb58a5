namespace Nolb.Web.Security;

/// <summary>
/// One signed-in session: a browser's sign-in cookie or an API client's bearer token (with its refresh token). Its id
/// travels in the cookie or token (<see cref="UserSessions.ClaimType"/>) and every request checks the row is still open,
/// so signing out ends that session on the server, not just in the browser that asked.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid UserId { get; init; }
    public DateTime StartedAt { get; init; }
    public DateTime? EndedAt { get; set; }

    /// <summary>
    /// For an API session, the id of the one refresh token that may still be used: each refresh replaces it, so a
    /// refresh token works once. Null for a browser session.
    /// </summary>
    public Guid? RefreshTokenId { get; set; }
}

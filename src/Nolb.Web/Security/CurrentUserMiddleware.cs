using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nolb.Web.Data;

namespace Nolb.Web.Security;

/// <summary>
/// Checks every authenticated request against the user's row and its session: a disabled or deleted account, one
/// whose security stamp changed (password reset, role change, disabling), or a session that was signed out (see
/// <see cref="UserSessions"/>) is treated as signed out. One query, no cache, so an ended session is refused at once.
/// Cookies are revalidated this way on every request, and so are bearer tokens, which have no
/// revalidation of their own.
/// </summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(
        HttpContext context, CurrentUser currentUser, NolbDbContext db, IOptions<IdentityOptions> identityOptions)
    {
        currentUser.From(context.Connection.RemoteIpAddress?.ToString());
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated == true)
        {
            var claims = identityOptions.Value.ClaimsIdentity;
            var sessionId = UserSessions.IdOf(principal);
            var user = Guid.TryParse(principal.FindFirstValue(claims.UserIdClaimType), out var userId) && sessionId is not null
                ? await db.Users.Include(u => u.Lep).AsNoTracking()
                    .Where(u => u.Id == userId && db.UserSessions.Any(s => s.Id == sessionId && s.UserId == u.Id && s.EndedAt == null))
                    .SingleOrDefaultAsync(context.RequestAborted)
                : null;
            var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
            if (user is null || user.IsDisabled || user.SecurityStamp != stamp)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (principal.Identity.AuthenticationType == IdentityConstants.ApplicationScheme)
                {
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            }
            else
            {
                // The cookie is Nolb's own (data protection), so its amr claim is what Nolb itself wrote at sign-in.
                currentUser.SignedIn(user, principal.HasClaim("amr", "mfa"));
            }
        }

        await next(context);
    }
}

using Microsoft.AspNetCore.Authorization;

namespace Nolb.Web.Security;

/// <summary>A policy per permission: "may this user do X?" answered from <see cref="RolePermissions"/>.</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

public sealed class PermissionHandler(IHttpContextAccessor httpContextAccessor)
    : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var currentUser = httpContextAccessor.HttpContext?.RequestServices.GetRequiredService<CurrentUser>();
        if (currentUser is not null && currentUser.Has(requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

public static class PermissionPolicies
{
    /// <summary>Registers one named policy per permission, so endpoints say RequireAuthorization(Permissions.X.Y).</summary>
    public static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder)
    {
        foreach (var permission in Permissions.All)
        {
            builder.AddPolicy(permission.Name, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(permission.Name)));
        }

        return builder;
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Admin.Users;

public static class UsersApi
{
    public sealed record CreateUserRequest(string? Email, string? Password, string? DisplayName, string? Role, string? LepCode, Guid? OrganisationId);

    public sealed record UserDto(Guid Id, string Email, string DisplayName, Role Role, string? LepCode, Guid? OrganisationId, bool Disabled);

    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").RequireAuthorization(Permissions.Users.Manage);
        users.MapPost("/", CreateAsync).WithSummary("Create a user account (administrators).");
        users.MapGet("/", ListAsync).WithSummary("Every user account (administrators).");
        users.MapGet("/{id:guid}", GetAsync).WithSummary("One user account (administrators).");
        return api;
    }

    private static async Task<Results<Created<UserDto>, ValidationProblem>> CreateAsync(
        CreateUserRequest request, CreateUserAccount createUser, CancellationToken ct)
    {
        Role? role = null;
        if (!string.IsNullOrWhiteSpace(request.Role))
        {
            if (!Enum.TryParse<Role>(request.Role, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["role"] = [$"'{request.Role}' is not a role. Use one of: {string.Join(", ", Enum.GetNames<Role>())}"],
                });
            }

            role = parsed;
        }

        var result = await createUser.CreateAsync(
            new UserAccountInput(request.Email, request.DisplayName, role, request.LepCode, request.OrganisationId, request.Password), ct);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        }

        var user = result.User!;
        return TypedResults.Created($"/api/v1/users/{user.Id}", new UserDto(
            user.Id, user.Email!, user.DisplayName, user.Role, request.LepCode is null ? null : Domain.CouncilAreaCodes.Normalise(request.LepCode),
            user.OrganisationId, user.IsDisabled));
    }

    private static async Task<Ok<List<UserDto>>> ListAsync(NolbDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new UserDto(u.Id, u.Email!, u.DisplayName, u.Role, u.Lep!.Code, u.OrganisationId, u.IsDisabled))
            .ToListAsync(ct));

    private static async Task<Results<Ok<UserDto>, NotFound>> GetAsync(Guid id, NolbDbContext db, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new UserDto(u.Id, u.Email!, u.DisplayName, u.Role, u.Lep!.Code, u.OrganisationId, u.IsDisabled))
            .SingleOrDefaultAsync(ct);
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(user);
    }
}

using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Admin.Users;

/// <summary>
/// Creates an account: shared by the "Create a user" page, POST /api/v1/users and a single sign-on rule (which makes
/// an account without a password: its holder signs in with their organisation's account, ADR 021).
/// </summary>
public sealed class CreateUserAccount(NolbDbContext db, UserManager<NolbUser> userManager, TimeProvider clock)
{
    public sealed record Result(NolbUser? User, IReadOnlyList<(string Field, string Message)> Errors)
    {
        public bool Succeeded => User is not null;
    }

    public async Task<Result> CreateAsync(UserAccountInput input, CancellationToken cancellationToken, bool passwordRequired = true)
    {
        var validation = await new UserAccountValidator(db, passwordRequired).ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return new Result(null, Fields(validation));
        }

        var lepId = string.IsNullOrWhiteSpace(input.LepCode)
            ? (Guid?)null
            : await db.Leps.Where(l => l.Code == CouncilAreaCodes.Normalise(input.LepCode)).Select(l => l.Id).SingleAsync(cancellationToken);
        var email = input.Email!.Trim();
        var user = new NolbUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = input.DisplayName!.Trim(),
            Role = input.Role!.Value,
            LepId = lepId,
            OrganisationId = input.OrganisationId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = input.Password is null && !passwordRequired
            ? await userManager.CreateAsync(user)
            : await userManager.CreateAsync(user, input.Password!);
        return created.Succeeded ? new Result(user, []) : new Result(null, created.ToFields().ToList());
    }

    public static IReadOnlyList<(string Field, string Message)> Fields(ValidationResult validation) =>
        validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
}

using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Admin.Users;

/// <summary>What an administrator says about an account, from the users page or POST /api/v1/users.</summary>
public sealed record UserAccountInput(
    string? Email, string? DisplayName, Role? Role, string? LepCode, Guid? OrganisationId, string? Password = null);

/// <summary>
/// The rules an account must keep: a role; an LEP for roles that work inside one and none for national
/// roles; an organisation for partner workers, in the same LEP or national.
/// </summary>
public sealed class UserAccountValidator : AbstractValidator<UserAccountInput>
{
    public UserAccountValidator(NolbDbContext db, bool passwordRequired)
    {
        RuleFor(u => u.Email).NotEmpty().WithMessage("Enter an email address")
            .EmailAddress().WithMessage("Enter an email address in the right format, like name@example.org")
            .MaximumLength(256).WithMessage("Email address must be 256 characters or fewer");
        RuleFor(u => u.DisplayName).NotEmpty().WithMessage("Enter the person's name")
            .MaximumLength(200).WithMessage("Name must be 200 characters or fewer");
        RuleFor(u => u.Role).NotNull().WithMessage("Choose a role");
        if (passwordRequired)
        {
            RuleFor(u => u.Password).NotEmpty().WithMessage("Enter a password of at least 12 characters");
        }

        RuleFor(u => u.LepCode)
            .NotEmpty().When(u => u.Role?.RequiresLep() == true)
            .WithMessage(u => $"Choose the LEP this {u.Role?.DisplayName().ToLowerInvariant()} works in");
        RuleFor(u => u.LepCode)
            .Empty().When(u => u.Role is { } role && !role.RequiresLep())
            .WithMessage(u => $"A {u.Role?.DisplayName().ToLowerInvariant()} works nationally: leave the LEP empty");
        RuleFor(u => u.LepCode)
            .MustAsync(async (code, ct) => await db.Leps.AnyAsync(l => l.Code == CouncilAreaCodes.Normalise(code!), ct))
            .When(u => !string.IsNullOrWhiteSpace(u.LepCode))
            .WithMessage(u => $"There is no LEP with the code {u.LepCode}. Use a council area code such as S12000049 (Glasgow City)");
        RuleFor(u => u.OrganisationId)
            .NotEmpty().When(u => u.Role?.RequiresOrganisation() == true)
            .WithMessage("Choose the organisation this partner worker works for");
        RuleFor(u => u.OrganisationId)
            .MustAsync(async (input, id, ct) => await OrganisationFitsAsync(db, id!.Value, input.LepCode, ct))
            .When(u => u.OrganisationId is not null)
            .WithMessage("Choose an organisation in the same LEP as the user, or a national one");
    }

    private static async Task<bool> OrganisationFitsAsync(NolbDbContext db, Guid organisationId, string? lepCode, CancellationToken ct)
    {
        var organisation = await db.Organisations.Include(o => o.Lep).AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        return organisation is not null && (organisation.Lep is null || organisation.Lep.Code == CouncilAreaCodes.Normalise(lepCode ?? ""));
    }
}

/// <summary>Turns Identity's own errors (duplicate email, password policy) into errors on the right field.</summary>
public static class IdentityErrorFields
{
    public static IEnumerable<(string Field, string Message)> ToFields(this IdentityResult result) =>
        result.Errors.Select(error => error.Code switch
        {
            "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" =>
                (nameof(UserAccountInput.Email), "An account with this email address already exists. Use another email address"),
            "ConcurrencyFailure" => ("", "Someone else changed this account while you were editing it. Reload the page to see their change, then make yours again"),
            var code when code.StartsWith("Password", StringComparison.Ordinal) => (nameof(UserAccountInput.Password), error.Description),
            _ => ("", error.Description),
        });
}

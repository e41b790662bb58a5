using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;

namespace Nolb.Web.Features.Organisations;

/// <summary>What an administrator says about an organisation, from the page or the API.</summary>
public sealed record OrganisationInput(string? Name, OrganisationKind? Kind, string? LepCode, string? Website, string? ContactEmail);

public sealed class OrganisationValidator : AbstractValidator<OrganisationInput>
{
    public OrganisationValidator(NolbDbContext db, Guid? editingId)
    {
        RuleFor(o => o.Name).NotEmpty().WithMessage("Enter the organisation's name")
            .MaximumLength(200).WithMessage("Name must be 200 characters or fewer");
        RuleFor(o => o.Kind).NotNull().WithMessage("Choose what kind of organisation this is");
        RuleFor(o => o.LepCode)
            .MustAsync(async (code, ct) => await db.Leps.AnyAsync(l => l.Code == CouncilAreaCodes.Normalise(code!), ct))
            .When(o => !string.IsNullOrWhiteSpace(o.LepCode))
            .WithMessage(o => $"There is no LEP with the code {o.LepCode}. Use a council area code such as S12000049 (Glasgow City), or leave it empty for a national organisation");
        RuleFor(o => o.Website)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .When(o => !string.IsNullOrWhiteSpace(o.Website))
            .WithMessage("Enter the website as a full address starting https://")
            .MaximumLength(300).WithMessage("Website must be 300 characters or fewer");
        RuleFor(o => o.ContactEmail).EmailAddress().When(o => !string.IsNullOrWhiteSpace(o.ContactEmail))
            .WithMessage("Enter the contact email in the right format, like team@example.org");
        RuleFor(o => o.Name)
            .MustAsync(async (input, name, ct) =>
            {
                var lepCode = string.IsNullOrWhiteSpace(input.LepCode) ? null : CouncilAreaCodes.Normalise(input.LepCode);
                var trimmed = name!.Trim();
                return !await db.Organisations.AnyAsync(o =>
                    o.Id != editingId && o.Name == trimmed && (lepCode == null ? o.LepId == null : o.Lep!.Code == lepCode), ct);
            })
            .When(o => !string.IsNullOrWhiteSpace(o.Name))
            .WithMessage("An organisation with this name already exists in this LEP");
    }
}

/// <summary>Saves an organisation after checking the rules: shared by the pages and the API.</summary>
public sealed class SaveOrganisation(NolbDbContext db, TimeProvider clock)
{
    public sealed record Result(Organisation? Organisation, IReadOnlyList<(string Field, string Message)> Errors)
    {
        public bool Succeeded => Organisation is not null;
    }

    public async Task<Result> CreateAsync(OrganisationInput input, CancellationToken ct)
    {
        var errors = await ValidateAsync(input, null, ct);
        if (errors.Count > 0)
        {
            return new Result(null, errors);
        }

        var organisation = new Organisation { Name = input.Name!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        await ApplyAsync(organisation, input, ct);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return new Result(organisation, []);
    }

    /// <summary>Updates the organisation if nobody else has saved it since <paramref name="version"/> was read.</summary>
    public async Task<Result> UpdateAsync(Organisation organisation, OrganisationInput input, Guid version, CancellationToken ct)
    {
        var errors = await ValidateAsync(input, organisation.Id, ct);
        if (errors.Count > 0)
        {
            return new Result(null, errors);
        }

        db.Entry(organisation).Property(o => o.Version).OriginalValue = version;
        await ApplyAsync(organisation, input, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Result(null, [("", "Someone else changed this organisation while you were editing it. Reload the page to see their change, then make yours again")]);
        }

        return new Result(organisation, []);
    }

    private async Task<IReadOnlyList<(string Field, string Message)>> ValidateAsync(OrganisationInput input, Guid? editingId, CancellationToken ct)
    {
        var validation = await new OrganisationValidator(db, editingId).ValidateAsync(input, ct);
        return validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
    }

    private async Task ApplyAsync(Organisation organisation, OrganisationInput input, CancellationToken ct)
    {
        organisation.Name = input.Name!.Trim();
        organisation.Kind = input.Kind!.Value;
        organisation.LepId = string.IsNullOrWhiteSpace(input.LepCode)
            ? null
            : await db.Leps.Where(l => l.Code == CouncilAreaCodes.Normalise(input.LepCode)).Select(l => l.Id).SingleAsync(ct);
        organisation.Website = string.IsNullOrWhiteSpace(input.Website) ? null : input.Website.Trim();
        organisation.ContactEmail = string.IsNullOrWhiteSpace(input.ContactEmail) ? null : input.ContactEmail.Trim();
    }
}

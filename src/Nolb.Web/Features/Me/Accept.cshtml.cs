using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Voice;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Me;

/// <summary>
/// The person opens the link from their invitation and chooses a password. That makes their participant account,
/// linked to their own record and nothing else. The link works once and only until it expires.
/// </summary>
[AllowAnonymous]
public sealed class AcceptModel(NolbDbContext db, UserManager<NolbUser> users, TimeProvider clock) : PageModel
{
    public const string NotValid = "This link does not work any more. It may have been used already or be more than 7 days old. Ask your key worker to send you a new one.";

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public AcceptInput Input { get; set; } = new();

    public bool Usable { get; private set; }
    public bool Done { get; private set; }
    public string? Email { get; private set; }

    public sealed class AcceptInput
    {
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var invitation = await FindAsync(ct);
        Usable = invitation is not null;
        Email = invitation?.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var invitation = await FindAsync(ct);
        if (invitation is null)
        {
            return Page();
        }

        Usable = true;
        Email = invitation.Email;
        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Choose a password. It must be at least 12 letters, numbers or symbols long");
        }
        else if (Input.Password != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "The two passwords are not the same. Type the same password twice");
        }

        if (await db.Users.AnyAsync(u => u.ParticipantId == invitation.ParticipantId, ct))
        {
            ModelState.AddModelError("Input.Password", "You already have an account. Go to the sign-in page and sign in");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var name = await db.Participants.Where(p => p.Id == invitation.ParticipantId)
            .Select(p => (p.PreferredName ?? p.GivenName) + " " + p.FamilyName).SingleAsync(ct);
        var user = new NolbUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = name,
            Role = Role.Participant,
            LepId = invitation.LepId,
            ParticipantId = invitation.ParticipantId,
            CreatedAt = now,
        };
        invitation.Accept(now);
        var created = await users.CreateAsync(user, Input.Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError("Input.Password", Plain(error));
            }

            return Page();
        }

        // UserManager saved the account through the same context, so the invitation was used up in the same save.
        Done = true;
        return Page();
    }

    private async Task<ParticipantInvitation?> FindAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Token) || Token.Length > 100)
        {
            return null;
        }

        var hash = ParticipantInvitation.Hash(Token);
        var invitation = await db.ParticipantInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation is not null && invitation.IsUsable(clock.GetUtcNow().UtcDateTime) ? invitation : null;
    }

    private static string Plain(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => "Your password is too short. Use at least 12 letters, numbers or symbols",
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "Your password needs more different letters or numbers in it",
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
            "Someone already has an account with this email address. Ask your key worker to use another one",
        _ => error.Description,
    };
}

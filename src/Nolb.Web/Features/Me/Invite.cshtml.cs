using System.Net.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Voice;
using Nolb.Web.Features.Participants;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Me;

/// <summary>
/// A key worker invites the person to see their own plan online: Nolb emails a link that works once, for seven days,
/// where the person sets their own password. A new invitation stops the last one working. With no mail service set
/// up the email waits in the outbox, so the page shows the key worker the link to pass on.
/// </summary>
[Authorize(Policy = Permissions.Participants.EditOwnCaseload)]
public sealed class InviteModel(
    ParticipantRecords records, NolbDbContext db, IEmailSender email, CurrentUser currentUser, TimeProvider clock, PublicLinks links) : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public bool HasAccount { get; private set; }

    /// <summary>Set after sending: the link, shown once to the key worker.</summary>
    public string? Link { get; private set; }

    public sealed class InviteInput
    {
        public string? Email { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await LoadAsync(id, ct);
        if (result is null)
        {
            Input.Email = await db.Participants.Where(p => p.Id == id).Select(p => p.Email).SingleAsync(ct);
        }

        return result ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var address = Input.Email?.Trim();
        if (HasAccount)
        {
            ModelState.AddModelError("Input.Email", "This person already has an account. They can sign in with it, or an administrator can set a new password");
        }
        else if (string.IsNullOrEmpty(address))
        {
            ModelState.AddModelError("Input.Email", "Enter the person's email address, for example name@example.com");
        }
        else if (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address || address.Length > 256)
        {
            ModelState.AddModelError("Input.Email", "Enter the email address in the right format, like name@example.com");
        }
        else if (await EmailTakenAsync(address, ct))
        {
            ModelState.AddModelError("Input.Email", "Someone already has an account with this email address. Use another address for the person");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var lepId = await db.Participants.Where(p => p.Id == id).Select(p => p.LepId).SingleAsync(ct);
        foreach (var earlier in await db.ParticipantInvitations.Where(i => i.ParticipantId == id && i.AcceptedAt == null).ToListAsync(ct))
        {
            earlier.Withdraw(now);
        }

        var (invitation, token) = ParticipantInvitation.Create(id, lepId, address!, currentUser.Id!.Value, now);
        db.ParticipantInvitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        Link = links.Page("/Me/Accept", new { token }).ToString();
        await email.SendAsync(address!, "See your plan online with Nolb",
            $"Hello,\n\nYour key worker, {currentUser.DisplayName}, has set up a way for you to see your plan online.\n\n"
            + $"Open this link to choose your password:\n{Link}\n\n"
            + $"The link works once and stops working after 7 days. If you did not expect this email, you can ignore it.\n", ct);
        return Page();
    }

    private Task<bool> EmailTakenAsync(string address, CancellationToken ct)
    {
        var normalized = address.ToUpperInvariant();
        return db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct);
    }

    /// <summary>404 when the person is not the user's to see, 403 when they may not change the record; otherwise null.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var (participant, canEdit) = await records.ForEditAsync(id, ct);
        if (participant is null)
        {
            return NotFound();
        }

        if (!canEdit)
        {
            return Forbid();
        }

        Heading = (participant.Id, participant.DisplayName, participant.Reference, "Invite the person to see their plan online");
        HasAccount = await db.Users.AnyAsync(u => u.ParticipantId == id, ct);
        return null;
    }
}

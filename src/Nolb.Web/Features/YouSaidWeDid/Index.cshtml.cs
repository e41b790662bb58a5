using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Security;
using Entry = Nolb.Web.Domain.Voice.YouSaidWeDid;

namespace Nolb.Web.Features.YouSaidWeDid;

/// <summary>The LEP's "You said, we did" entries, newest change first, with the feedback themes each answers.</summary>
[Authorize(Policy = Permissions.Feedback.Manage)]
public sealed class IndexModel(YouSaidWeDidCommands commands, CurrentUser currentUser) : PageModel
{
    public IReadOnlyList<Entry> Entries { get; private set; } = [];
    public IReadOnlyDictionary<string, int> Themes { get; private set; } = new Dictionary<string, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entries = await commands.Entries.AsNoTracking().ToListAsync(ct);
        Themes = await commands.ThemesAsync(currentUser.LepId!.Value, ct);
    }
}

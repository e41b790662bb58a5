using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Security;

namespace Nolb.Web.Features.TwoFactor;

/// <summary>The signed-in user's two-factor sign-in: whether it is on, recovery codes left, and what they can change.</summary>
public sealed class IndexModel(TwoFactorAccount account, CurrentUser currentUser) : PageModel
{
    public bool IsOn { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public bool Required => currentUser.Role?.RequiresTwoFactor() == true;

    public async Task OnGetAsync()
    {
        var user = await account.UserAsync();
        IsOn = user.TwoFactorEnabled;
        RecoveryCodesLeft = IsOn ? await account.RecoveryCodesLeftAsync(user) : 0;
    }
}

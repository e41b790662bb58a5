using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nolb.Web.Features.Account;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Admin.SingleSignOn;

/// <summary>
/// The identity providers staff may sign in with, as configured (ADR 021), with what to register at each: an
/// administrator checks here what the configuration says. Client secrets are never shown, only whether one is set.
/// </summary>
[Authorize(Policy = Permissions.Users.Manage)]
public sealed class IndexModel(SignInProviders providers, IOptions<PublicAddress> address) : PageModel
{
    public IReadOnlyList<SignInProvider> Providers => providers.All;

    public string RedirectUri(SignInProvider provider) => Absolute(provider.CallbackPath);

    public string SignedOutUri(SignInProvider provider) => Absolute(provider.SignedOutCallbackPath);

    private string Absolute(string path) => new Uri(address.Value.BaseUrl!, path).ToString();
}

using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace Nolb.Web.Features.Account;

/// <summary>
/// Typed work is not lost to the idle timeout. A form posted to a page after the session ended (say a long case
/// note) would be turned away to sign-in and its text dropped. Instead, when the expired sign-in cookie still
/// decrypts and the form's anti-forgery token matches the person it names, the posted fields are kept on the server,
/// encrypted, for <see cref="KeepFor"/>, under a random id held in a cookie of this browser; after the same person
/// signs in again, the page they were on shows the form filled in with what they typed, once. Anyone else signing
/// in on that browser never sees it: the kept fields are thrown away. See docs/decisions/016.
/// </summary>
public static class KeptForms
{
    public const string CookieName = ".nolb.kept-form";
    public const string ViewDataKey = "KeptForm";

    /// <summary>Long enough to sign in again after lunch; short enough that a forgotten form does not linger.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(2);

    /// <summary>Bigger posts (a file upload, say) are not kept: the cache is memory, and a form of text is far smaller.</summary>
    private const long MaxFormBytes = 256 * 1024;

    private const string Purpose = "Nolb.KeptForms.v1";

    private sealed record Kept(Guid UserId, string Path, Dictionary<string, string[]> Fields);

    public static IServiceCollection AddKeptForms(this IServiceCollection services)
    {
        services.AddDistributedMemoryCache();
        services.AddScoped<RestoreKeptForm>();
        return services;
    }

    /// <summary>After authentication and before authorization, which would turn the post away to sign-in.</summary>
    public static IApplicationBuilder UseKeptForms(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (await KeepAsync(context))
        {
            context.Response.Redirect($"/Account/SignIn?ReturnUrl={Uri.EscapeDataString(context.Request.PathBase + context.Request.Path)}");
            return;
        }

        await next();
    });

    private static async Task<bool> KeepAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (!HttpMethods.IsPost(context.Request.Method) || context.User.Identity?.IsAuthenticated == true || !context.Request.HasFormContentType
            || context.Request.ContentLength is null or > MaxFormBytes
            || endpoint?.Metadata.GetMetadata<PageActionDescriptor>() is null
            || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || endpoint.Metadata.GetMetadata<IAuthorizeData>() is null)
        {
            return false;
        }

        var services = context.RequestServices;
        var cookieOptions = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var cookie = cookieOptions.CookieManager.GetRequestCookie(context, cookieOptions.Cookie.Name!);
        var ticket = cookie is null ? null : cookieOptions.TicketDataFormat.Unprotect(cookie);
        if (ticket?.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id || !Guid.TryParse(id, out var userId))
        {
            return false;
        }

        // The form must be one this person's browser was given (the token names them): a forged post keeps nothing.
        var anonymous = context.User;
        context.User = ticket.Principal;
        var genuine = await services.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
        context.User = anonymous;
        if (!genuine)
        {
            return false;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var fields = form.Where(f => !f.Key.StartsWith("__", StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray());
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        var kept = protector.Protect(JsonSerializer.SerializeToUtf8Bytes(new Kept(userId, context.Request.Path.Value ?? "/", fields)));
        await services.GetRequiredService<IDistributedCache>().SetAsync(CacheKey(key), kept,
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = KeepFor }, context.RequestAborted);
        context.Response.Cookies.Append(CookieName, key, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            MaxAge = KeepFor,
        });
        return true;
    }

    private static string CacheKey(string key) => $"kept-form:{key}";

    /// <summary>
    /// On a signed-in GET of a page, puts kept fields back into the form (tag helpers show a field's attempted value)
    /// when the same person kept them on the same page, then forgets them; anyone else's are forgotten unseen.
    /// </summary>
    public sealed class RestoreKeptForm(IDistributedCache cache, IDataProtectionProvider dataProtection, Security.CurrentUser user) : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var http = context.HttpContext;
            var executed = await next();
            if (!HttpMethods.IsGet(http.Request.Method) || !user.IsAuthenticated || !http.Request.Cookies.TryGetValue(CookieName, out var key)
                || executed.Result is not (null or PageResult))
            {
                return;
            }

            var stored = await cache.GetAsync(CacheKey(key), http.RequestAborted);
            Kept? kept = null;
            try
            {
                kept = stored is null ? null : JsonSerializer.Deserialize<Kept>(dataProtection.CreateProtector(Purpose).Unprotect(stored));
            }
            catch (CryptographicException)
            {
                // Keys rotated or the entry was tampered with: nothing to restore.
            }

            if (kept is not null && kept.UserId == user.Id && !string.Equals(kept.Path, http.Request.Path.Value, StringComparison.OrdinalIgnoreCase))
            {
                return; // The same person, on another page for now: keep it for when they come back to the form.
            }

            await cache.RemoveAsync(CacheKey(key), http.RequestAborted);
            http.Response.Cookies.Delete(CookieName);
            if (kept is null || kept.UserId != user.Id)
            {
                return;
            }

            foreach (var (name, values) in kept.Fields)
            {
                context.ModelState.SetModelValue(name, new ValueProviderResult(values), string.Join(",", values));
            }

            if (context.HandlerInstance is PageModel page)
            {
                page.ViewData[ViewDataKey] = true;
            }
        }
    }
}

namespace Nolb.Web.Infrastructure;

/// <summary>
/// Errors answer in the caller's language: RFC 9457 problem details under /api, friendly pages elsewhere.
/// </summary>
public static class ErrorHandling
{
    public static IApplicationBuilder UseNolbErrorHandling(this IApplicationBuilder app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler("/Error");
            pages.UseStatusCodePagesWithReExecute("/Error/{0}");
        });
        return app;
    }

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments(Security.SecuritySetup.ApiPrefix);
}

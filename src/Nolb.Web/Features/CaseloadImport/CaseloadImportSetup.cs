namespace Nolb.Web.Features.CaseloadImport;

public static class CaseloadImportSetup
{
    public static IServiceCollection AddNolbCaseloadImport(this IServiceCollection services)
    {
        services.AddSingleton<ImportWorkFolder>();
        services.AddSingleton<ImportProgress>();
        services.AddScoped<CaseloadImporter>();
        services.AddScoped<ImportRuns>();
        services.AddSingleton<ImportRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportRunner>());
        return services;
    }
}

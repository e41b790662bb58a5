using Nolb.Web.Domain.DataRights;

namespace Nolb.Web.Features.DataRights;

public static class DataRightsSetup
{
    public static IServiceCollection AddNolbDataRights(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RetentionSettings>(configuration.GetSection("Nolb:Retention"));
        services.AddScoped<SubjectAccessExport>();
        services.AddScoped<ParticipantErasure>();
        services.AddScoped<RetentionRun>();
        services.AddHostedService<RetentionSchedule>();
        return services;
    }
}

using Microsoft.Extensions.Options;
using Nolb.Web.Domain.DataRights;

namespace Nolb.Web.Features.DataRights;

/// <summary>
/// Runs the retention policy once a day at <see cref="RetentionSettings.RunAtUtc"/>. A failed run is logged and tried
/// again the next day; it never stops the app. Off when <c>Nolb:Retention:ScheduleEnabled</c> is false (the tests).
/// </summary>
public sealed partial class RetentionSchedule(IServiceScopeFactory scopes, IOptions<RetentionSettings> options, TimeProvider clock, ILogger<RetentionSchedule> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ScheduleEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(UntilNextRun(clock.GetUtcNow().UtcDateTime, options.Value.RunAtUtc), clock, stoppingToken);
            try
            {
                using var scope = scopes.CreateScope();
                var report = await scope.ServiceProvider.GetRequiredService<RetentionRun>().RunAsync(dryRun: false, stoppingToken);
                LogRan(logger, report.Summary);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    public static TimeSpan UntilNextRun(DateTime nowUtc, TimeOnly runAtUtc)
    {
        var next = nowUtc.Date + runAtUtc.ToTimeSpan();
        return (next > nowUtc ? next : next.AddDays(1)) - nowUtc;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention policy run: {Summary}")]
    private static partial void LogRan(ILogger logger, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "The retention policy run failed; it will be tried again tomorrow.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

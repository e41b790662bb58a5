using Nolb.Web.Domain.Measurement;

namespace Nolb.Web.Features.Measurement;

/// <summary>
/// The workbook of a quarter: its latest publication with that publication's revisions, or, for a quarter never
/// published, the live disclosure-controlled figures (the cover says which).
/// </summary>
public sealed class NationalWorkbookSource(Publications publications, Statistics statistics, TimeProvider clock)
{
    public async Task<byte[]> WriteAsync(ReportingPeriod quarter, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var content = await publications.QuarterAsync(quarter.Label, ct) is { } published
            ? new NationalWorkbook.Content(published.Statistics, published.Latest, published.Revisions, now)
            : new NationalWorkbook.Content(await statistics.NationalAsync(quarter, ct), null, [], now);
        return NationalWorkbook.Write(content);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Measurement;

/// <summary>A quarter as published, with its revisions and history, and its workbook.</summary>
[Authorize(Policy = Permissions.Statistics.ReadNational)]
public sealed class PublicationModel(Publications publications, NationalWorkbookSource workbooks) : PageModel
{
    public PublishedQuarter? Published { get; private set; }

    public async Task<IActionResult> OnGetAsync(string quarter, CancellationToken ct)
    {
        if (ReportingPeriod.Parse(quarter) is not { Kind: PeriodKind.Quarter } period)
        {
            return NotFound();
        }

        Published = await publications.QuarterAsync(period.Label, ct);
        return Published is null ? NotFound() : Page();
    }

    /// <summary>The quarter's workbook: the latest publication, or the live figures when it has not been published.</summary>
    public async Task<IActionResult> OnGetWorkbookAsync(string quarter, CancellationToken ct)
    {
        if (ReportingPeriod.Parse(quarter) is not { Kind: PeriodKind.Quarter } period)
        {
            return NotFound();
        }

        return File(await workbooks.WriteAsync(period, ct), NationalWorkbook.ContentType, NationalWorkbook.FileName(period.Label));
    }
}

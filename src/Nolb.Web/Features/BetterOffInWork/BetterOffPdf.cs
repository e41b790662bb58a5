using Nolb.Web.Domain.BetterOffInWork;
using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.BetterOffInWork;

/// <summary>The result as a PDF to give to the person: the answer, each line now and in the job with its working, notes and limits.</summary>
public static class BetterOffPdf
{
    public static byte[] Render(BetterOffResult result)
    {
        var pdf = new SimplePdf("Better off in work");
        pdf.Heading("Better off in work", 18);
        pdf.Paragraph($"Worked out with the {result.TaxYear} rates. Amounts are pounds a calendar month (weekly amounts × 52 ÷ 12).", 9);
        pdf.Rule();
        pdf.Paragraph(result.Answer, 13, bold: true, spaceAfter: 8);
        if (result.UnconfirmedRates.Count > 0)
        {
            pdf.Paragraph("Warning: these rates have not yet been confirmed against their official source: "
                + string.Join("; ", result.UnconfirmedRates.Select(r => r.Description)) + ".", 9, bold: true, spaceAfter: 8);
        }

        pdf.Columns(10, true, (0, "What"), (300, "Now"), (400, "In the job"));
        pdf.Rule();
        foreach (var key in result.Lines.Select(l => l.Key).Distinct())
        {
            var now = result.Lines.FirstOrDefault(l => l.Key == key && l.Scenario == Scenario.Now);
            var inWork = result.Lines.FirstOrDefault(l => l.Key == key && l.Scenario == Scenario.InWork);
            pdf.KeepTogether(40);
            pdf.Columns(10, key == "net", (0, (now ?? inWork)!.Label), (300, now is null ? "-" : Money.Format(now.Amount)), (400, inWork is null ? "-" : Money.Format(inWork.Amount)));
            if (now is not null && inWork is not null && now.Explanation == inWork.Explanation)
            {
                pdf.Paragraph(now.Explanation, 8, indent: 10);
            }
            else
            {
                if (now is not null)
                {
                    pdf.Paragraph("Now: " + now.Explanation, 8, indent: 10, spaceAfter: 1);
                }

                if (inWork is not null)
                {
                    pdf.Paragraph("In the job: " + inWork.Explanation, 8, indent: 10);
                }
            }
        }

        pdf.Gap();
        pdf.Heading("Notes", 12);
        foreach (var note in result.Notes)
        {
            pdf.Paragraph("- " + note, 9);
        }

        pdf.Heading("What this calculation does not cover", 12);
        foreach (var limit in result.Limits)
        {
            pdf.Paragraph("- " + limit, 9);
        }

        pdf.Paragraph("Amounts are worked out exactly and rounded to pence only at the end, so a column may not add up by a penny. "
            + "This is an estimate to help you decide; DWP and Social Security Scotland decide what you are paid.", 8);
        return pdf.ToBytes();
    }
}

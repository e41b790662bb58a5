using Nolb.Web.Domain.BetterOffInWork;
using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.BetterOffInWork;

/// <summary>
/// The result as a PDF to give to the person: the result's text lines (the same lines the saved intervention holds),
/// each with its working beneath, then the notes and limits.
/// </summary>
public static class BetterOffPdf
{
    public static byte[] Render(BetterOffResult result)
    {
        var pdf = new SimplePdf("Better off in work");
        pdf.Heading("Better off in work", 18);
        pdf.Paragraph($"Worked out with the {result.TaxYear} rates. Amounts are pounds a calendar month (weekly amounts × 52 ÷ 12).", 9);
        pdf.Rule();
        var lines = result.TextLinesWithWorking();
        for (var i = 0; i < lines.Count; i++)
        {
            var (text, working) = lines[i];
            pdf.KeepTogether(40);
            pdf.Paragraph(text, i == 0 ? 12 : 10, bold: i == 0 || text.StartsWith("Warning:", StringComparison.Ordinal), spaceAfter: working is null ? 6 : 1);
            if (working is not null)
            {
                pdf.Paragraph(working, 8, indent: 10, spaceAfter: 6);
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

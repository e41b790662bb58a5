using System.Globalization;
using System.Text;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// A small writer for text-only A4 PDF documents (headings, wrapped paragraphs, page breaks), using the
/// standard Helvetica fonts every PDF reader has, so no font files or native libraries are needed on the
/// server. Written in-house because the PDFsharp version the package source offers (6.5.0) is AGPL-licensed
/// (see docs/decisions). Text is WinAnsi-encoded: characters outside it print as "?".
/// </summary>
public sealed class SimplePdf
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Margin = 50;
    private const double Bottom = 50;

    private readonly List<StringBuilder> pages = [];
    private readonly string title;
    private StringBuilder page = null!;
    private double y;

    public SimplePdf(string title)
    {
        this.title = title;
        NewPage();
    }

    public int PageCount => pages.Count;

    public void Heading(string text, double size = 16) => Paragraph(text, size, bold: true, spaceAfter: size * 0.5);

    public void Rule()
    {
        Ensure(8);
        page.Append(CultureInfo.InvariantCulture, $"0.5 w {Margin:0.##} {y:0.##} m {PageWidth - Margin:0.##} {y:0.##} l S\n");
        y -= 8;
    }

    public void Gap(double points = 6) => y -= points;

    /// <summary>Wrapped text from the left margin; <paramref name="indent"/> shifts it right.</summary>
    public void Paragraph(string text, double size = 10, bool bold = false, double indent = 0, double spaceAfter = 4)
    {
        var leading = size * 1.3;
        foreach (var line in Wrap(text, size, bold, PageWidth - 2 * Margin - indent))
        {
            Ensure(leading);
            y -= size;
            page.Append(CultureInfo.InvariantCulture,
                $"BT /{(bold ? "F2" : "F1")} {size:0.##} Tf {Margin + indent:0.##} {y:0.##} Td ({Escape(line)}) Tj ET\n");
            y -= leading - size;
        }

        y -= spaceAfter;
    }

    /// <summary>Two pieces of text on one line: one at the left margin (plus indent), one at a fixed column.</summary>
    public void Columns(double size, bool bold, params (double X, string Text)[] cells)
    {
        Ensure(size * 1.3);
        y -= size;
        foreach (var (x, text) in cells)
        {
            page.Append(CultureInfo.InvariantCulture,
                $"BT /{(bold ? "F2" : "F1")} {size:0.##} Tf {Margin + x:0.##} {y:0.##} Td ({Escape(text)}) Tj ET\n");
        }

        y -= size * 0.3;
    }

    /// <summary>Keeps the next block of about <paramref name="points"/> together by starting a page if it would not fit.</summary>
    public void KeepTogether(double points)
    {
        if (y - points < Bottom)
        {
            NewPage();
        }
    }

    public byte[] ToBytes()
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "", // pages, filled in below
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
            $"<< /Title ({Escape(title)}) /Producer (Nolb) >>",
        };
        var kids = new List<int>();
        for (var i = 0; i < pages.Count; i++)
        {
            var content = pages[i].ToString();
            var pageNumber = objects.Count + 1;
            kids.Add(pageNumber);
            objects.Add(string.Create(CultureInfo.InvariantCulture,
                $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PageWidth:0.##} {PageHeight:0.##}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {pageNumber + 1} 0 R >>"));
            objects.Add(string.Create(CultureInfo.InvariantCulture, $"<< /Length {Encoding.Latin1.GetByteCount(content)} >>\nstream\n{content}endstream"));
        }

        objects[1] = $"<< /Type /Pages /Kids [{string.Join(' ', kids.Select(k => $"{k} 0 R"))}] /Count {kids.Count} >>";

        var pdf = new StringBuilder("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    private void Ensure(double points)
    {
        if (y - points < Bottom)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        page = new StringBuilder();
        pages.Add(page);
        y = PageHeight - Margin;
    }

    internal static IEnumerable<string> Wrap(string text, double size, bool bold, double width)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Width(candidate, size, bold) > width)
                {
                    yield return line.ToString();
                    line.Clear().Append(word);
                }
                else
                {
                    line.Clear().Append(candidate);
                }
            }

            yield return line.ToString();
        }
    }

    /// <summary>Helvetica advance widths (thousandths of an em) for the characters Nolb prints; bold is about 8% wider.</summary>
    internal static double Width(string text, double size, bool bold) =>
        text.Sum(c => c switch
        {
            ' ' or '.' or ',' or ':' or ';' or 'f' or 't' or '/' or 'I' or '!' => 278,
            'i' or 'j' or 'l' or '\'' => 222,
            'r' or '(' or ')' or '-' => 333,
            'c' or 'k' or 's' or 'v' or 'x' or 'y' or 'z' or 'J' => 500,
            'm' or 'M' => 833,
            'w' or 'C' or 'D' or 'H' or 'N' or 'R' or 'U' => 722,
            'W' => 944,
            'G' or 'O' or 'Q' => 778,
            'F' or 'T' or 'Z' => 611,
            'A' or 'B' or 'E' or 'K' or 'P' or 'S' or 'V' or 'X' or 'Y' or '&' => 667,
            'L' => 556,
            '%' => 889,
            '\u2014' => 1000,
            '\u00d7' or '\u00f7' or '+' or '=' => 584,
            _ => 556,
        }) * size / 1000 * (bold ? 1.08 : 1);

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var mapped = c switch
            {
                '\u2014' => '\u0097',
                '\u2013' => '\u0096',
                '\u2212' => '-',
                '\u2018' => '\u0091',
                '\u2019' => '\u0092',
                '\u201c' => '\u0093',
                '\u201d' => '\u0094',
                '\u2026' => '\u0085',
                '\u2022' => '\u0095',
                '\u20ac' => '\u0080',
                _ when c is >= ' ' and <= '~' or >= '\u00a0' and <= '\u00ff' => c,
                _ => '?',
            };
            if (mapped is '(' or ')' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(mapped);
        }

        return escaped.ToString();
    }
}

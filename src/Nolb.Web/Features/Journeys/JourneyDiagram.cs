using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Nolb.Web.Features.Journeys;

/// <summary>
/// The journey map drawn as SVG on the server, so it shows without JavaScript: the five stages with the median days in each,
/// the services most used in each stage beneath it, and a bar for each of the most common routes. The page's tables hold the same figures for screen readers and for copying.
/// </summary>
public static class JourneyDiagram
{
    private const int ServicesTop = 126;
    private const int ServiceLine = 16;
    private const int ServicesPerStage = 3;
    private const int BarTop = ServicesTop + (ServiceLine * (ServicesPerStage + 1)) + 44;
    private const int NameLength = 17;
    private const int RowHeight = 28;
    private const double BarWidth = 400;
    private const string Ink = "#002d54";

    public static string Svg(JourneysApi.JourneyMapDto map)
    {
        var e = HtmlEncoder.Default;
        var height = BarTop + (RowHeight * map.Routes.Count) + 10;
        var most = Math.Max(1, map.Routes.Max(r => r.People.Value) ?? 1);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 760 {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"journey-title journey-desc\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"journey-title\">Customer journey map of {e.Encode(map.Area)}</title>")
            .Append("<desc id=\"journey-desc\">The five stages with the median days people spend in each, the interventions and referrals most used in each stage with the number of people, and bars for the most common routes. The tables below hold the same figures in full.</desc>")
            .Append(CultureInfo.InvariantCulture, $"<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"{Ink}\"/></marker></defs>");
        for (var i = 0; i < map.StageTimes.Count; i++)
        {
            var s = map.StageTimes[i];
            var x = 10 + (i * 150);
            var median = s.MedianDays is { } d ? $"median {d.ToString("0.#", CultureInfo.InvariantCulture)} days" : "median not shown";
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"10\" width=\"130\" height=\"90\" rx=\"6\" fill=\"#e6f0f8\" stroke=\"#0065bd\" stroke-width=\"2\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 65}\" y=\"36\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\" fill=\"{Ink}\">Stage {s.Stage}</text>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 65}\" y=\"62\" text-anchor=\"middle\" font-size=\"13\" fill=\"{Ink}\">{median}</text>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 65}\" y=\"84\" text-anchor=\"middle\" font-size=\"12\" fill=\"{Ink}\">{e.Encode(s.CompletedStays.Display)} stays</text>");
            if (i < map.StageTimes.Count - 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M {x + 132} 55 L {x + 148} 55\" stroke=\"{Ink}\" stroke-width=\"2\" marker-end=\"url(#arrow)\"/>");
            }
        }

        AppendServices(svg, map);
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{BarTop - 16}\" font-size=\"14\" font-weight=\"bold\" fill=\"{Ink}\">Most common routes (stages in order) and people on each</text>");
        for (var i = 0; i < map.Routes.Count; i++)
        {
            var r = map.Routes[i];
            var y = BarTop + (i * RowHeight);
            var width = r.People.Value is { } v ? BarWidth * v / most : 0;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{y + 15}\" font-size=\"13\" fill=\"{Ink}\">{e.Encode(r.Route)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"230\" y=\"{y}\" width=\"{width:0.#}\" height=\"20\" fill=\"#0065bd\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{236 + width:0.#}\" y=\"{y + 15}\" font-size=\"13\" fill=\"{Ink}\">{e.Encode(r.People.Display)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Under each stage, its most used services (referrals marked "to"), names shortened to fit; the tables give them in full.</summary>
    private static void AppendServices(StringBuilder svg, JourneysApi.JourneyMapDto map)
    {
        var e = HtmlEncoder.Default;
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{ServicesTop}\" font-size=\"14\" font-weight=\"bold\" fill=\"{Ink}\">Services most used in each stage (people)</text>");
        for (var i = 0; i < map.StageServices.Count; i++)
        {
            var stage = map.StageServices[i];
            var used = stage.Interventions.Select(s => (s.Name, s.People))
                .Concat(stage.Referrals.Select(s => ($"to {s.Name}", s.People)))
                .OrderByDescending(s => s.People.Value ?? 0).ThenBy(s => s.Item1, StringComparer.Ordinal)
                .Take(ServicesPerStage)
                .ToList();
            List<string> lines = used.Count == 0 ? ["none recorded"] : used.Select(s => $"{Shorten(s.Item1)} ({s.People.Display})").ToList();
            for (var j = 0; j < lines.Count; j++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{10 + (i * 150)}\" y=\"{ServicesTop + ((j + 1) * ServiceLine) + 4}\" font-size=\"11\" fill=\"{Ink}\">{e.Encode(lines[j])}</text>");
            }
        }
    }

    private static string Shorten(string name) => name.Length <= NameLength ? name : name[..(NameLength - 1)].TrimEnd() + "…";
}

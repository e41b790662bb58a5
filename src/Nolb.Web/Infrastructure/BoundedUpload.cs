using System.IO.Compression;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// Reads an uploaded file into memory without trusting its declared length: a request sent without
/// Content-Length (chunked) or a zip that expands a thousandfold must end in a clear refusal, not in the server
/// running out of memory.
/// </summary>
public static class BoundedUpload
{
    /// <summary>The file's bytes, or null when it holds more than <paramref name="maxBytes"/>; reads at most one byte past the limit.</summary>
    public static async Task<MemoryStream?> ReadAsync(Stream source, long maxBytes, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await buffer.DisposeAsync();
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    /// <summary>The most entries an uploaded zip may hold: a workbook has tens, the HSDS package a dozen.</summary>
    public const int MaxEntries = 1000;

    /// <summary>
    /// The one check every reader of an uploaded zip (an .xlsx workbook, the HSDS CSV package) makes before anything
    /// unpacks it: at most <see cref="MaxEntries"/> entries, adding up, as the zip's directory declares them, to at most
    /// <paramref name="maxExpandedBytes"/>. .NET's zip reader stops each entry at its declared length, so a zip that
    /// understates its sizes cannot expand further. Null when the zip is within both; a problem in words otherwise.
    /// Not a zip at all also answers null: the reader that follows reports that in its own words.
    /// </summary>
    public static string? ArchiveProblem(Stream zip, long maxExpandedBytes)
    {
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            return archive.Entries.Count > MaxEntries
                ? $"The file holds more than {MaxEntries} parts, more than any real one. Check you chose the right file"
                : archive.Entries.Sum(e => e.Length) > maxExpandedBytes ? ExpandsTooFar(maxExpandedBytes) : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            zip.Position = 0;
        }
    }

    /// <summary>
    /// What an Open XML reader throws for a file that is not a sound workbook: not a zip, a damaged or hand-edited part,
    /// or a part with a DTD. The Open XML SDK reads with DTDs prohibited (so an XXE entity is never resolved) and throws
    /// XmlException instead (OWASP XXE Prevention Cheat Sheet); each is the sender's bad file, answered in words, not a server error.
    /// </summary>
    public static bool IsUnreadableWorkbook(Exception e) =>
        e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException
            or ArgumentException or InvalidOperationException or KeyNotFoundException or NotSupportedException;

    public static string TooLarge(long maxBytes) =>
        $"The file is larger than {maxBytes / (1024 * 1024)} MB. Split it into smaller files and import each one";

    public static string ExpandsTooFar(long maxExpandedBytes) =>
        $"The file unpacks to more than {maxExpandedBytes / (1024 * 1024)} MB. Split it into smaller files and import each one";
}

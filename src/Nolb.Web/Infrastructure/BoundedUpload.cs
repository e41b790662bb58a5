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

    /// <summary>
    /// True when the zip's entries, as its directory declares them, add up to at most <paramref name="maxExpandedBytes"/>;
    /// false for a zip bomb. Not a zip at all also answers true: the reader that follows reports that in its own words.
    /// </summary>
    public static bool ExpandsWithin(MemoryStream zip, long maxExpandedBytes)
    {
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            return archive.Entries.Sum(e => e.Length) <= maxExpandedBytes;
        }
        catch (InvalidDataException)
        {
            return true;
        }
        finally
        {
            zip.Position = 0;
        }
    }

    public static string TooLarge(long maxBytes) =>
        $"The file is larger than {maxBytes / (1024 * 1024)} MB. Split it into smaller files and import each one";

    public static string ExpandsTooFar(long maxExpandedBytes) =>
        $"The file unpacks to more than {maxExpandedBytes / (1024 * 1024)} MB. Split it into smaller files and import each one";
}

using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Nolb.Web.Data;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ServiceDirectory.Hsds;

/// <summary>The HSDS import and export endpoints (mapped with the directory API).</summary>
public static class HsdsApi
{
    public static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(HttpRequest request, HsdsImport import, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not ("application/json" or "application/zip" or "application/x-zip-compressed" or "application/octet-stream"))
        {
            return Refused([new ImportProblem("file", "", "Send HSDS JSON as application/json, or the zipped CSV package as application/zip")]);
        }

        await using var body = await BoundedUpload.ReadAsync(request.Body, HsdsImport.MaxBytes, ct);
        if (body is null)
        {
            return Refused([new ImportProblem("file", "", BoundedUpload.TooLarge(HsdsImport.MaxBytes))]);
        }

        var data = mediaType == "application/json" ? HsdsImport.ReadJson(body, problems) : HsdsImport.ReadCsvZip(body, problems);

        var report = await import.ApplyAsync(data, problems, ct);
        return report.Succeeded ? TypedResults.Ok(report) : Refused(report.Problems);
    }

    public static ProblemHttpResult Refused(IReadOnlyList<ImportProblem> problems) =>
        TypedResults.Problem(
            title: "The file was not imported",
            detail: $"{problems.Count} problem(s) were found. Nothing was changed: fix every problem listed and import the file again.",
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["problems"] = problems });

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        NolbDbContext db, CurrentUser user, CancellationToken ct, string format = "hsds-json")
    {
        if (format is not ("hsds-json" or "hsds-csv"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["Choose format=hsds-json or format=hsds-csv"] });
        }

        var data = await HsdsExport.BuildAsync(db, user, ct);
        return format == "hsds-json"
            ? TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(HsdsExport.ToJson(data), HsdsExport.Json), "application/json", "nolb-directory-hsds.json")
            : TypedResults.File(HsdsExport.ToCsvZip(data), "application/zip", "nolb-directory-hsds.zip");
    }
}

using System.Net.Http.Json;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.CaseNotes;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.CaseActivity;

/// <summary>Test data for interventions, case notes and appointments: notes straight in the database, requests with If-Match.</summary>
public static class CaseActivityData
{
    /// <summary>A note written by <paramref name="author"/> today, stored directly (its creation time is the real now).</summary>
    public static async Task<CaseNote> NoteAsync(
        this NolbAppFactory app, Guid engagementId, NolbUser author, string text, NoteSensitivity? sensitivity = null, Guid? corrects = null)
    {
        var lepId = author.LepId!.Value;
        var written = CaseNote.Write(engagementId, lepId, CaseData.Today, text, sensitivity, corrects, CaseData.Today.AddYears(-1), author.Id, CaseData.Today, DateTime.UtcNow);
        Assert.True(written.Succeeded, written.Error);
        await app.WithDbAsync(async db =>
        {
            db.CaseNotes.Add(written.Value!);
            return await db.SaveChangesAsync();
        });
        return written.Value!;
    }

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string url, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return client.SendAsync(request);
    }

    public static string ETag(Guid version) => $"\"{version}\"";
}

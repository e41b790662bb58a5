using System.Net;
using System.Text.RegularExpressions;

namespace Nolb.Tests;

/// <summary>Submits a page's form as a browser would: fetch the page, take its anti-forgery token, post the fields.</summary>
public static partial class FormClient
{
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl)
    {
        var page = await client.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var match = TokenInput().Match(html);
        Assert.True(match.Success, $"No anti-forgery token on {pageUrl}");
        return WebUtility.HtmlDecode(match.Groups["token"].Value);
    }

    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string pageUrl, Dictionary<string, string> fields, string? postUrl = null)
    {
        var token = await client.AntiforgeryTokenAsync(pageUrl);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(postUrl ?? pageUrl, content);
    }

    /// <summary>Submits a form with a file, as a browser sends one (multipart/form-data).</summary>
    public static async Task<HttpResponseMessage> SubmitFileFormAsync(
        this HttpClient client, string pageUrl, Dictionary<string, string> fields, string fileField, string fileName, byte[] file, string? postUrl = null)
    {
        var token = await client.AntiforgeryTokenAsync(pageUrl);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(new("__RequestVerificationToken", token)))
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new ByteArrayContent(file), fileField, fileName);
        return await client.PostAsync(postUrl ?? pageUrl, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenInput();
}

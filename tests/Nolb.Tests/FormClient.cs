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

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenInput();
}

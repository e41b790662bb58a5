using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// Puts a one-time token in every form that posts, so <see cref="OnceOnlyFormFilter"/> can tell a form sent twice from
/// two forms. A form whose repeat must act again (signing out) opts out with <c>once-only="false"</c>.
/// </summary>
[HtmlTargetElement("form")]
public sealed class OnceOnlyFormTagHelper : TagHelper
{
    /// <summary>After the framework's form tag helper, which adds the anti-forgery token.</summary>
    public override int Order => 1000;

    [HtmlAttributeName("once-only")]
    public bool OnceOnly { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var method = output.Attributes.TryGetAttribute("method", out var attribute) ? attribute.Value?.ToString() : null;
        if (OnceOnly && string.Equals(method, "post", StringComparison.OrdinalIgnoreCase))
        {
            output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{OnceOnlyForms.FieldName}\" value=\"{OnceOnlyForms.NewToken()}\">");
        }
    }
}

using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolb.Web.Features.Shared;

/// <summary><c>&lt;ds-textarea asp-for="Input.Text" label="Note" rows="8" /&gt;</c>: a multi-line answer with its label, hint and error.</summary>
[HtmlTargetElement("ds-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsTextareaTagHelper : DsFieldTagHelper
{
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var classes = Errors.Count > 0 ? "ds_input ds_input--error" : "ds_input";
        var control = $"<textarea class=\"{classes}\" rows=\"{Rows.ToString(System.Globalization.CultureInfo.InvariantCulture)}\" {CommonAttributes()}>" +
            HtmlEncoder.Default.Encode(Value ?? "") + "</textarea>";
        WriteQuestion(output, control);
    }
}

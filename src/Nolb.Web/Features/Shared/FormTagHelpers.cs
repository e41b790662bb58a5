using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolb.Web.Features.Shared;

/// <summary>
/// Form fields in the Scottish Government Design System's markup (label, hint, error message, input),
/// with the error linked to the field for screen readers. One place, so every form in Nolb is alike.
/// </summary>
public abstract class DsFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public required ModelExpression For { get; set; }

    public required string Label { get; set; }

    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    protected string Name => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    protected string Id => TagBuilder.CreateSanitizedId(Name, "_");

    protected IReadOnlyList<string> Errors =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).ToList()
            : [];

    protected string? Value =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : For.Model switch
            {
                null => null,
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString(),
            };

    protected string DescribedBy => string.Join(' ', new[]
    {
        Hint is null ? null : $"{Id}-hint",
        Errors.Count == 0 ? null : $"{Id}-error",
    }.Where(x => x is not null));

    protected void WriteQuestion(TagHelperOutput output, string control)
    {
        var encoder = HtmlEncoder.Default;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Errors.Count == 0 ? "ds_question" : "ds_question ds_question--error");
        var html = $"<label class=\"ds_label\" for=\"{Id}\">{encoder.Encode(Label)}</label>";
        if (Hint is not null)
        {
            html += $"<p class=\"ds_hint-text\" id=\"{Id}-hint\">{encoder.Encode(Hint)}</p>";
        }

        if (Errors.Count > 0)
        {
            html += $"<p class=\"ds_question__error-message\" id=\"{Id}-error\">{encoder.Encode(string.Join(" ", Errors))}</p>";
        }

        output.Content.SetHtmlContent(html + control);
    }

    /// <summary>A question with several controls: a fieldset whose legend is the question.</summary>
    protected void WriteFieldset(TagHelperOutput output, string controls)
    {
        var encoder = HtmlEncoder.Default;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Errors.Count == 0 ? "ds_question" : "ds_question ds_question--error");
        var html = $"<fieldset{(DescribedBy.Length > 0 ? $" aria-describedby=\"{DescribedBy}\"" : "")}><legend>{encoder.Encode(Label)}</legend>";
        if (Hint is not null)
        {
            html += $"<p class=\"ds_hint-text\" id=\"{Id}-hint\">{encoder.Encode(Hint)}</p>";
        }

        if (Errors.Count > 0)
        {
            html += $"<p class=\"ds_question__error-message\" id=\"{Id}-error\">{encoder.Encode(string.Join(" ", Errors))}</p>";
        }

        output.Content.SetHtmlContent(html + controls + "</fieldset>");
    }

    protected string CommonAttributes()
    {
        var attributes = $"id=\"{Id}\" name=\"{HtmlEncoder.Default.Encode(Name)}\"";
        if (DescribedBy.Length > 0)
        {
            attributes += $" aria-describedby=\"{DescribedBy}\"";
        }

        if (Errors.Count > 0)
        {
            attributes += " aria-invalid=\"true\"";
        }

        return attributes;
    }
}

/// <summary><c>&lt;ds-input asp-for="Input.Email" label="Email address" type="email" /&gt;</c></summary>
[HtmlTargetElement("ds-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsInputTagHelper : DsFieldTagHelper
{
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    /// <summary>A design-system width class such as ds_input--fixed-20.</summary>
    public string? Width { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var encoder = HtmlEncoder.Default;
        var classes = string.Join(' ', new[] { "ds_input", Width, Errors.Count > 0 ? "ds_input--error" : null }.Where(c => c is not null));
        var value = Type == "password" ? null : Value;
        var control = $"<input class=\"{classes}\" type=\"{encoder.Encode(Type)}\" {CommonAttributes()}" +
            (value is null ? "" : $" value=\"{encoder.Encode(value)}\"") +
            (Autocomplete is null ? "" : $" autocomplete=\"{encoder.Encode(Autocomplete)}\"") + ">";
        WriteQuestion(output, control);
    }
}

/// <summary><c>&lt;ds-select asp-for="Input.Role" label="Role" items="Model.Roles" /&gt;</c></summary>
[HtmlTargetElement("ds-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsSelectTagHelper : DsFieldTagHelper
{
    public required IEnumerable<SelectListItem> Items { get; set; }

    /// <summary>Text of an empty first option, e.g. "Choose a role"; none when null.</summary>
    public string? Placeholder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var encoder = HtmlEncoder.Default;
        var selected = Value;
        var options = Placeholder is null ? "" : $"<option value=\"\">{encoder.Encode(Placeholder)}</option>";
        SelectListGroup? group = null;
        foreach (var item in Items)
        {
            // Items with a group (SelectListItem.Group) are listed under it, in an optgroup, in the order they come.
            if (item.Group != group)
            {
                options += (group is null ? "" : "</optgroup>") + (item.Group is null ? "" : $"<optgroup label=\"{encoder.Encode(item.Group.Name)}\">");
                group = item.Group;
            }

            // Ignoring case: ids listed by an SQLite query come back as upper-case text, the model's Guid prints lower case.
            var isSelected = selected is not null ? string.Equals(item.Value, selected, StringComparison.OrdinalIgnoreCase) : item.Selected;
            options += $"<option value=\"{encoder.Encode(item.Value)}\"{(isSelected ? " selected" : "")}>{encoder.Encode(item.Text)}</option>";
        }

        options += group is null ? "" : "</optgroup>";

        var classes = Errors.Count > 0 ? "ds_select ds_input--error" : "ds_select";
        var control = $"<div class=\"ds_select-wrapper\"><select class=\"{classes}\" {CommonAttributes()}>{options}</select>" +
            "<span class=\"ds_select-arrow\" aria-hidden=\"true\"></span></div>";
        WriteQuestion(output, control);
    }
}

/// <summary>
/// The "There is a problem" summary at the top of a form: every error, each linking to its field.
/// Renders nothing when the form is valid.
/// </summary>
[HtmlTargetElement("ds-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.IsValid)
        {
            output.SuppressOutput();
            return;
        }

        var encoder = HtmlEncoder.Default;
        var items = modelState
            .Where(entry => entry.Value is { ValidationState: ModelValidationState.Invalid })
            .SelectMany(entry => entry.Value!.Errors.Select(error => entry.Key.Length == 0
                ? $"<li>{encoder.Encode(error.ErrorMessage)}</li>"
                : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(entry.Key, "_")}\">{encoder.Encode(error.ErrorMessage)}</a></li>"));
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ds_error-summary");
        output.Attributes.SetAttribute("id", "error-summary");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-title");
        output.Attributes.SetAttribute("role", "alert");
        output.Content.SetHtmlContent(
            "<h2 class=\"ds_error-summary__title\" id=\"error-summary-title\">There is a problem</h2>" +
            $"<ul class=\"ds_error-summary__list\">{string.Concat(items)}</ul>");
    }
}

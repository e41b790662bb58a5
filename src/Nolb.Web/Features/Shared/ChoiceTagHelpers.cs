using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolb.Web.Features.Shared;

/// <summary>
/// A group of checkboxes for a list value (e.g. benefits, funding streams), in a fieldset whose legend
/// is the question. <c>&lt;ds-checkboxes asp-for="Input.Benefits" label="Benefits" items="..." /&gt;</c>
/// </summary>
[HtmlTargetElement("ds-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsCheckboxesTagHelper : DsFieldTagHelper
{
    public required IEnumerable<SelectListItem> Items { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var encoder = HtmlEncoder.Default;
        var selected = SelectedValues();
        var boxes = "";
        var index = 0;
        foreach (var item in Items)
        {
            var id = $"{Id}-{index++}";
            var isChecked = selected.Contains(item.Value) ? " checked" : "";
            boxes += $"<div class=\"ds_checkbox ds_checkbox--small\"><input class=\"ds_checkbox__input\" type=\"checkbox\" id=\"{id}\" " +
                $"name=\"{encoder.Encode(Name)}\" value=\"{encoder.Encode(item.Value)}\"{isChecked}>" +
                $"<label class=\"ds_checkbox__label\" for=\"{id}\">{encoder.Encode(item.Text)}</label></div>";
        }

        WriteFieldset(output, $"<div class=\"ds_checkboxes\" id=\"{Id}\">{boxes}</div>");
    }

    private HashSet<string> SelectedValues()
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string[] posted => posted.ToHashSet(),
                var single => [single.ToString()!],
            };
        }

        return For.Model is System.Collections.IEnumerable values and not string
            ? values.Cast<object>().Select(v => v.ToString()!).ToHashSet()
            : [];
    }
}

/// <summary>One yes/no checkbox for a bool. <c>&lt;ds-checkbox asp-for="Input.CareExperienced" label="Care experienced" /&gt;</c></summary>
[HtmlTargetElement("ds-checkbox", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsCheckboxTagHelper : DsFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var encoder = HtmlEncoder.Default;
        var isChecked = Value is { } value && bool.TryParse(value.Split(',')[0], out var parsed) && parsed;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ds_checkbox ds_checkbox--small");
        output.Content.SetHtmlContent(
            $"<input class=\"ds_checkbox__input\" type=\"checkbox\" {CommonAttributes()} value=\"true\"{(isChecked ? " checked" : "")}>" +
            $"<label class=\"ds_checkbox__label\" for=\"{Id}\">{encoder.Encode(Label)}</label>" +
            $"<input type=\"hidden\" name=\"{encoder.Encode(Name)}\" value=\"false\">");
    }
}

/// <summary>Radio buttons for one choice, in a fieldset. <c>&lt;ds-radios asp-for="Input.Stage" label="Stage" items="..." /&gt;</c></summary>
[HtmlTargetElement("ds-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsRadiosTagHelper : DsFieldTagHelper
{
    public required IEnumerable<SelectListItem> Items { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var encoder = HtmlEncoder.Default;
        var selected = Value;
        var radios = "";
        var index = 0;
        foreach (var item in Items)
        {
            var id = $"{Id}-{index++}";
            var isChecked = item.Value == selected ? " checked" : "";
            radios += $"<div class=\"ds_radio ds_radio--small\"><input class=\"ds_radio__input\" type=\"radio\" id=\"{id}\" " +
                $"name=\"{encoder.Encode(Name)}\" value=\"{encoder.Encode(item.Value)}\"{isChecked}>" +
                $"<label class=\"ds_radio__label\" for=\"{id}\">{encoder.Encode(item.Text)}</label></div>";
        }

        WriteFieldset(output, $"<div class=\"ds_radios\" id=\"{Id}\">{radios}</div>");
    }
}

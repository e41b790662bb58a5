using System.Text.Json;
using Nolb.Web.Domain.Improvement;

namespace Nolb.Web.Features.Improvement;

/// <summary>
/// The reference data self-assessments rate against: the four Employability Service Standards (Reference/service-standards.json)
/// and the Local Employability Partnership framework themes (Reference/lep-framework-themes.json), each with its source.
/// </summary>
public static class AssessmentFrameworks
{
    public sealed record Item(string Code, string Name, IReadOnlyList<string> Expectations);

    public sealed record Framework(string Source, bool Paraphrased, IReadOnlyList<Item> Items)
    {
        public IReadOnlyList<string> Codes => Items.Select(i => i.Code).ToList();

        public string NameOf(string code) => Items.FirstOrDefault(i => i.Code == code)?.Name ?? code;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Framework ServiceStandards { get; } = Load("service-standards.json");

    public static Framework LepThemes { get; } = Load("lep-framework-themes.json");

    public static Framework For(AssessmentFramework framework) => framework == AssessmentFramework.ServiceStandards ? ServiceStandards : LepThemes;

    private static Framework Load(string name)
    {
        using var stream = typeof(AssessmentFrameworks).Assembly.GetManifestResourceStream($"Nolb.Web.Reference.{name}")
            ?? throw new InvalidOperationException($"The embedded reference file {name} is missing.");
        return JsonSerializer.Deserialize<Framework>(stream, Json) ?? throw new InvalidOperationException($"{name} is empty.");
    }
}

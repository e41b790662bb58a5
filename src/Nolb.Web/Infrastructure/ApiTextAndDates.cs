using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Nolb.Web.Domain;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// The pages' rules for what a person can send, applied to every JSON body the API reads, in one place: text holding a
/// control character (<see cref="RefuseControlCharacters.IsRefused(char)"/>: NUL, ESC, bell; tabs and line breaks are
/// kept) and dates outside <see cref="DateBounds"/> are refused while the body is read, so no endpoint stores them. The
/// refusal is a 400 problem naming the field (<see cref="ApiBadRequests"/>). Writing is the default's, unchanged.
/// </summary>
public static class ApiTextAndDates
{
    public static void Add(JsonSerializerOptions options)
    {
        options.Converters.Add(new TextConverter());
        options.Converters.Add(new BoundedConverter<DateOnly>(JsonMetadataServices.DateOnlyConverter, DateBounds.Contains));
        options.Converters.Add(new BoundedConverter<DateTime>(JsonMetadataServices.DateTimeConverter, DateBounds.Contains));
        options.Converters.Add(new BoundedConverter<DateTimeOffset>(JsonMetadataServices.DateTimeOffsetConverter, DateBounds.Contains));
    }

    /// <summary>Thrown while reading a body; its message is shown as the field's problem.</summary>
    internal sealed class RefusedValue(string message) : JsonException(message);

    public const string ControlCharacterMessage = "contains a control character (such as NUL or ESC) that cannot be kept. Remove it and send the request again";

    public static string DateMessage => $"is outside the dates Nolb takes: the year must be {DateBounds.Range}";

    private sealed class TextConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return RefuseControlCharacters.IsRefused(text) ? throw new RefusedValue(ControlCharacterMessage) : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class BoundedConverter<T>(JsonConverter<T> inner, Func<T, bool> within) : JsonConverter<T>
        where T : struct
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = inner.Read(ref reader, typeToConvert, options);
            return within(value) ? value : throw new RefusedValue(DateMessage);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => inner.Write(writer, value, options);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Shinchoku.Core.Parsing;

namespace Shinchoku.Web.OpenData;

/// <summary>
/// Writes every string of the JSON answers without control characters (<see cref="ControlCharacters"/>): escaped as
/// \u0000 they would still reach every program that reads the open data. Reading is unchanged.
/// </summary>
public sealed class ControlFreeStrings : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(ControlCharacters.Remove(value));
    }

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(ControlCharacters.Remove(value));
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentDashboard.Zoho.Json;

/// <summary>Reads <see cref="ZohoMetric"/>; writes "--" for no value.</summary>
public sealed class ZohoMetricConverter : JsonConverter<ZohoMetric>
{
    public override bool HandleNull => true;

    public override ZohoMetric Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ZohoNumberReader.ReadDouble(ref reader) is { } value ? ZohoMetric.Of(value) : ZohoMetric.NoValue;

    public override void Write(Utf8JsonWriter writer, ZohoMetric value, JsonSerializerOptions options)
    {
        if (value.Value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue("--");
        }
    }
}

/// <summary>Reads an epoch-ms time or a ms duration from any of Zoho's number forms; null for "--" or absent.</summary>
public sealed class ZohoInt64Converter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ZohoNumberReader.ReadInt64(ref reader);

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>
/// Reads an identifier (agent id, zuid, queue id, log id) that Zoho sends as a string in one place and as a
/// JSON number in another. The number's exact digits are kept: ids never pass through a double.
/// </summary>
public class ZohoIdConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    /// <summary>Ids that repeat on every record (agent, zuid, organisation) are read through <see cref="StringPool"/>.</summary>
    protected virtual bool Pooled => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => Pooled ? StringPool.Read(ref reader) : reader.GetString(),
        JsonTokenType.Number => ReadNumberText(ref reader),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected an identifier (a string or a number) but found {ZohoNumberReader.Describe(reader.TokenType)}."),
    };

    private string ReadNumberText(ref Utf8JsonReader reader)
    {
        Span<char> digits = stackalloc char[64];
        var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
        if (raw.Length <= digits.Length)
        {
            int count = System.Text.Encoding.UTF8.GetChars(raw, digits);
            return Pooled ? StringPool.Get(digits[..count]) : new string(digits[..count]);
        }
        return System.Text.Encoding.UTF8.GetString(raw);
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}

/// <summary>An id that repeats across records (agent id, zuid, zsoid): read like <see cref="ZohoIdConverter"/>, pooled.</summary>
public sealed class ZohoRepeatedIdConverter : ZohoIdConverter
{
    protected override bool Pooled => true;
}

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AgentDashboard.Zoho.Json;

/// <summary>Reads the number forms Zoho Voice uses: plain, exponent form, quoted, and "--" for none.</summary>
internal static class ZohoNumberReader
{
    private static ReadOnlySpan<byte> NoValueMarker => "--"u8;

    /// <summary>Reads a number token or a numeric string; null for "--", "" and JSON null.</summary>
    public static double? ReadDouble(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.String:
                var text = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
                if (reader.ValueIsEscaped)
                {
                    text = Encoding.UTF8.GetBytes(reader.GetString() ?? "");
                }
                text = Trim(text);
                if (text.IsEmpty || text.SequenceEqual(NoValueMarker))
                {
                    return null;
                }
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
                {
                    return value;
                }
                throw new JsonException($"Expected a number or \"--\" but found the text \"{Shorten(Encoding.UTF8.GetString(text))}\".");
            default:
                throw new JsonException($"Expected a number or \"--\" but found {Describe(reader.TokenType)}.");
        }
    }

    /// <summary>Reads a whole number (epoch ms, a duration in ms), accepting the same forms as <see cref="ReadDouble"/>.</summary>
    public static long? ReadInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long exact))
        {
            return exact;
        }
        if (ReadDouble(ref reader) is not { } value)
        {
            return null;
        }
        double rounded = Math.Round(value);
        if (rounded < long.MinValue || rounded > long.MaxValue)
        {
            throw new JsonException($"The number {value.ToString("R", CultureInfo.InvariantCulture)} is too large for a time or duration.");
        }
        return (long)rounded;
    }

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.True or JsonTokenType.False => "a true/false value",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text)
    {
        while (!text.IsEmpty && text[0] == (byte)' ') text = text[1..];
        while (!text.IsEmpty && text[^1] == (byte)' ') text = text[..^1];
        return text;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

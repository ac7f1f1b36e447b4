using System.Globalization;
using System.Text.Json;

namespace AgentDashboard.Simulator.Voice;

/// <summary>Writes numbers the way the vendor's examples show them.</summary>
internal static class WireWriter
{
    /// <summary>Plain text in strings, as Zoho sends it (no \u0027 for an apostrophe); answers are JSON, never HTML.</summary>
    public static JsonWriterOptions Options { get; } = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The vendor's examples print whole numbers of eight digits or more that end in zero in exponent form
    /// (202133440 as 2.0213344E+8, 29333440 as 2.933344E+7) and every other number plainly.
    /// </summary>
    public static void WriteQuirkyNumber(this Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        writer.WriteQuirkyNumberValue(value);
    }

    public static void WriteQuirkyNumberValue(this Utf8JsonWriter writer, double value)
    {
        if (value == Math.Floor(value) && value >= 10_000_000 && value % 10 == 0 && value < 1e15)
        {
            int exponent = (int)Math.Floor(Math.Log10(value));
            string mantissa = (value / Math.Pow(10, exponent)).ToString("0.##############", CultureInfo.InvariantCulture);
            writer.WriteRawValue($"{mantissa}E+{exponent}", skipInputValidation: true);
        }
        else if (value == Math.Floor(value))
        {
            writer.WriteNumberValue((long)value);
        }
        else
        {
            writer.WriteNumberValue(Math.Round(value, 1));
        }
    }

    /// <summary>An id the vendor sends as a JSON number in this field (agent_number, _queueId).</summary>
    public static void WriteIdAsNumber(this Utf8JsonWriter writer, string name, string id) =>
        writer.WriteNumber(name, long.Parse(id, CultureInfo.InvariantCulture));

    public static void WriteNoValue(this Utf8JsonWriter writer, string name) => writer.WriteString(name, "--");
}

using System.Runtime.CompilerServices;
using System.Text.Json;

namespace AgentDashboard.Zoho.Json;

/// <summary>
/// Reuses the string instances of values that repeat on every hit (agent ids, names, e-mails, statuses,
/// trigger fields): a 60 MB status-audit answer otherwise allocates them tens of thousands of times.
/// Fixed size, last writer wins, so memory stays bounded whatever the answers hold; safe across threads
/// because a slot is swapped whole.
/// </summary>
internal static class StringPool
{
    private const int Slots = 4096; // a power of two
    private const int MaxPooledChars = 96;
    private static readonly string?[] Table = new string?[Slots];

    public static string Read(ref Utf8JsonReader reader)
    {
        int length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxPooledChars)
        {
            return reader.GetString() ?? "";
        }
        Span<char> chars = stackalloc char[MaxPooledChars];
        int count = reader.CopyString(chars);
        return Get(chars[..count]);
    }

    public static string Get(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return "";
        }
        int slot = string.GetHashCode(value) & (Slots - 1);
        string? pooled = Volatile.Read(ref Table[slot]);
        if (pooled is not null && value.SequenceEqual(pooled))
        {
            return pooled;
        }
        string created = new(value);
        Volatile.Write(ref Table[slot], created);
        return created;
    }
}

/// <summary>Reads a text field whose values repeat across records, through <see cref="StringPool"/>.</summary>
public sealed class PooledStringConverter : System.Text.Json.Serialization.JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => StringPool.Read(ref reader),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected text but found {ZohoNumberReader.Describe(reader.TokenType)}."),
    };

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

using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AgentDashboard.Zoho.Models;

namespace AgentDashboard.Zoho.Json;

/// <summary>Reads an object whose status names are properties beside a few fixed fields.</summary>
internal static class StatusMapReader
{
    /// <summary>
    /// Walks the object: an object-valued property is a status aggregate; any other property is passed to
    /// <paramref name="readField"/>, which reads it or returns false to have it skipped.
    /// </summary>
    public delegate bool FieldReader(string name, ref Utf8JsonReader reader);

    public static Dictionary<string, StatusAggregate> Read(ref Utf8JsonReader reader, JsonSerializerOptions options, FieldReader readField)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object of per-status figures but found {ZohoNumberReader.Describe(reader.TokenType)}.");
        }
        var typeInfo = (JsonTypeInfo<StatusAggregate>)options.GetTypeInfo(typeof(StatusAggregate));
        var statuses = new Dictionary<string, StatusAggregate>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString() ?? "";
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                statuses[name] = JsonSerializer.Deserialize(ref reader, typeInfo) ?? new StatusAggregate();
            }
            else if (!readField(name, ref reader))
            {
                reader.Skip();
            }
        }
        return statuses;
    }

    public static void WriteStatuses(Utf8JsonWriter writer, IReadOnlyDictionary<string, StatusAggregate> statuses, JsonSerializerOptions options)
    {
        var typeInfo = (JsonTypeInfo<StatusAggregate>)options.GetTypeInfo(typeof(StatusAggregate));
        foreach (var (status, aggregate) in statuses)
        {
            writer.WritePropertyName(status);
            JsonSerializer.Serialize(writer, aggregate, typeInfo);
        }
    }
}

public sealed class AgentAggregationConverter : JsonConverter<AgentAggregation>
{
    private static readonly ZohoIdConverter Ids = new();

    public override AgentAggregation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? agentId = null, agentName = null, agentEmail = null;
        var statuses = StatusMapReader.Read(ref reader, options, (string name, ref Utf8JsonReader field) =>
        {
            switch (name)
            {
                case "agent_id": agentId = Ids.Read(ref field, typeof(string), options); return true;
                case "agentName": agentName = field.TokenType == JsonTokenType.String ? field.GetString() : null; return field.TokenType == JsonTokenType.String;
                case "agentEmail": agentEmail = field.TokenType == JsonTokenType.String ? field.GetString() : null; return field.TokenType == JsonTokenType.String;
                default: return false;
            }
        });
        return new AgentAggregation { AgentId = agentId, AgentName = agentName, AgentEmail = agentEmail, Statuses = statuses };
    }

    public override void Write(Utf8JsonWriter writer, AgentAggregation value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("agent_id", value.AgentId);
        writer.WriteString("agentEmail", value.AgentEmail);
        writer.WriteString("agentName", value.AgentName);
        StatusMapReader.WriteStatuses(writer, value.Statuses, options);
        writer.WriteEndObject();
    }
}

public sealed class OverallAggregationConverter : JsonConverter<OverallAggregation>
{
    public override OverallAggregation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ZohoMetric agentCount = default, daysCount = default;
        var statuses = StatusMapReader.Read(ref reader, options, (string name, ref Utf8JsonReader field) =>
        {
            switch (name)
            {
                case "agentCount": agentCount = ReadMetric(ref field); return true;
                case "daysCount": daysCount = ReadMetric(ref field); return true;
                default: return false;
            }
        });
        return new OverallAggregation { AgentCount = agentCount, DaysCount = daysCount, Statuses = statuses };
    }

    private static ZohoMetric ReadMetric(ref Utf8JsonReader reader) =>
        ZohoNumberReader.ReadDouble(ref reader) is { } value ? ZohoMetric.Of(value) : ZohoMetric.NoValue;

    public override void Write(Utf8JsonWriter writer, OverallAggregation value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        StatusMapReader.WriteStatuses(writer, value.Statuses, options);
        writer.WritePropertyName("agentCount");
        new ZohoMetricConverter().Write(writer, value.AgentCount, options);
        writer.WritePropertyName("daysCount");
        new ZohoMetricConverter().Write(writer, value.DaysCount, options);
        writer.WriteEndObject();
    }
}

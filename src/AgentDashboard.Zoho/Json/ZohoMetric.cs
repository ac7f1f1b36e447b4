using System.Globalization;
using System.Text.Json.Serialization;

namespace AgentDashboard.Zoho.Json;

/// <summary>
/// A numeric aggregate as Zoho Voice sends it: a JSON number, a number in exponent form, a number in a
/// string, or <c>"--"</c> for "no value" (an aggregate over nothing). "No value" is kept apart from zero:
/// <see cref="HasValue"/> is false for <c>"--"</c>, <c>null</c>, an empty string and a missing field.
/// </summary>
[JsonConverter(typeof(ZohoMetricConverter))]
public readonly record struct ZohoMetric
{
    private ZohoMetric(double value) => Value = value;

    /// <summary>The number, or null when Zoho sent no value.</summary>
    public double? Value { get; }

    public bool HasValue => Value.HasValue;

    /// <summary>The "--" of the vendor's examples.</summary>
    public static ZohoMetric NoValue => default;

    public static ZohoMetric Of(double value) =>
        double.IsFinite(value) ? new ZohoMetric(value) : throw new ArgumentOutOfRangeException(nameof(value), "A metric must be a finite number.");

    /// <summary>The value rounded to whole milliseconds (durations are in ms), or null when there is none.</summary>
    public long? Milliseconds => Value is { } v ? (long)Math.Round(v, MidpointRounding.AwayFromZero) : null;

    public override string ToString() => Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "--";
}

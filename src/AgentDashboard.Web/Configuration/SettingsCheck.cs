using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Live;
using AgentDashboard.Zoho;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Configuration;

/// <summary>
/// Reads every setting the dashboard binds before anything binds it, and reports each value that cannot be
/// read as its type (a misspelt mode, "soon" for a duration), by its full key and all at once. Without this the
/// configuration binder stops at the first bad value with an exception. Rules beyond the type (a positive
/// interval, a known data centre) stay with each section's validator.
/// </summary>
internal static class SettingsCheck
{
    /// <param name="more">Other sections read as their types: the embedded simulator's, in demo mode.</param>
    public static void ThrowIfUnreadable(IConfiguration configuration, params (string Section, Type Type)[] more)
    {
        var problems = new List<string>();
        Check(configuration.GetSection(DashboardOptions.SectionName), typeof(DashboardOptions), problems);
        Check(configuration.GetSection(LiveFeedOptions.SectionName), typeof(LiveFeedOptions), problems);
        Check(configuration.GetSection(AlertOptions.SectionName), typeof(AlertOptions), problems);
        Check(configuration.GetSection(ZohoVoiceOptions.SectionName), typeof(ZohoVoiceOptions), problems);
        Check(configuration.GetSection(ZohoVoiceOptions.SectionName), typeof(ZohoSignInOptions), problems);
        Check(configuration.GetSection("Dashboard:Wall"), typeof(Wall.DisplayLinkOptions), problems);
        Check(configuration.GetSection(OrganisationSignInOptions.SectionName), typeof(OrganisationSignInOptions), problems);
        Check(configuration.GetSection(Security.WorkLimits.SectionName), typeof(Security.WorkLimits), problems);
        Check(configuration.GetSection(SignInSessionOptions.SectionName), typeof(SignInSessionOptions), problems);
        Check(configuration.GetSection(Adherence.AdherenceOptions.SectionName), typeof(Adherence.AdherenceOptions), problems);
        foreach (var (section, type) in more) Check(configuration.GetSection(section), type, problems);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException("settings", typeof(SettingsCheck), problems);
        }
    }

    private static void Check(IConfigurationSection section, Type type, List<string> problems)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
        {
            CheckValue(section.GetSection(property.Name), property.PropertyType, problems);
        }
    }

    private static void CheckValue(IConfigurationSection section, Type type, List<string> problems)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (section.Value is { } value)
        {
            if (target != typeof(string) && !(value.Length == 0 && target != type) && Unreadable(value, target) is { } expected)
            {
                problems.Add($"{section.Path} is \"{value}\", which is not {expected}.");
            }
            return;
        }
        if (target.IsGenericType && target.GetGenericTypeDefinition() is var generic
            && (generic == typeof(Dictionary<,>) || generic == typeof(List<>)))
        {
            var element = target.GetGenericArguments()[^1];
            foreach (var child in section.GetChildren()) CheckValue(child, element, problems);
        }
        else if (target.IsClass && target != typeof(string) && target != typeof(Uri))
        {
            Check(section, target, problems);
        }
    }

    /// <summary>What the value should have been, in words, or null when it reads as <paramref name="type"/>.</summary>
    private static string? Unreadable(string value, Type type)
    {
        if (type.IsEnum)
        {
            // By name only: the binder would also take "7", which no reader of the file means.
            return value.Trim() is { Length: > 0 } name && !char.IsDigit(name[0]) && Enum.TryParse(type, name, ignoreCase: true, out _)
                ? null
                : "one of " + string.Join(", ", Enum.GetNames(type));
        }
        if (type == typeof(Uri))
        {
            return Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out _) ? null : "an address";
        }
        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromString(null, CultureInfo.InvariantCulture, value);
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or NotSupportedException)
        {
            return type == typeof(TimeSpan) ? "a duration (hh:mm:ss, e.g. 00:00:30)"
                : type == typeof(bool) ? "true or false"
                : type == typeof(int) || type == typeof(long) ? "a whole number"
                : type == typeof(double) ? "a number"
                : "a " + type.Name;
        }
    }
}

using System.Text;

namespace AgentDashboard.Benchmarks;

/// <summary>
/// A status-audit answer of the vendor's shape for many agents and days, deterministic from a seed:
/// ids as strings, times as numbers, the occasional exponent form and "--", system hits without a username.
/// </summary>
internal static class StatusAuditPayload
{
    private static readonly string[] Statuses = ["Available", "On Call", "Busy", "Available", "On Break", "Available", "Offline"];

    public static byte[] Generate(int agents, int days, int hitsPerDay, int seed = 42)
    {
        var random = new Random(seed);
        var json = new StringBuilder(agents * days * hitsPerDay * 620);
        const long day0 = 1727740800000; // 2024-10-01T00:00Z
        json.Append("{\"code\":\"200\",\"list\":{\"agentStatus\":[");
        for (int a = 0; a < agents; a++)
        {
            string id = (3029000000002015L + a * 1000L).ToString();
            string name = "Agent " + a;
            string email = $"agent{a}@zylker.com";
            if (a > 0) json.Append(',');
            long previous = day0 - 3_600_000;
            json.Append("{\"previousResult\":");
            AppendHit(json, id, name, email, previous - 60_000, previous, "Offline", "Available", "prev" + a, user: true, random);
            json.Append($",\"agent_id\":\"{id}\",\"agentEmail\":\"{email}\",\"agentName\":\"{name}\",\"dates\":[");
            string status = "Available";
            for (int d = 0; d < days; d++)
            {
                if (d > 0) json.Append(',');
                json.Append("{\"hits\":[");
                long dayStart = day0 + d * 86_400_000L;
                long step = 86_400_000L / (hitsPerDay + 1);
                for (int h = 0; h < hitsPerDay; h++)
                {
                    if (h > 0) json.Append(',');
                    long time = dayStart + step * (h + 1) + random.Next(0, 60_000);
                    string next = Statuses[random.Next(Statuses.Length)];
                    AppendHit(json, id, name, email, previous, time, status, next, $"{a:x4}{d:x2}{h:x2}Ik5IB_xciauz1X", user: random.Next(4) != 0, random);
                    previous = time;
                    status = next;
                }
                json.Append($"],\"start_timestamp\":{dayStart},\"index\":{d}}}");
            }
            json.Append("]}");
        }
        json.Append("]},\"status\":\"SUCCESS\"}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    private static void AppendHit(StringBuilder json, string id, string name, string email, long previous, long current,
        string from, string to, string logId, bool user, Random random)
    {
        long duration = current - previous;
        // A few numbers arrive in the vendor's other forms.
        string durationText = random.Next(20) switch
        {
            0 => $"\"{duration}\"",
            1 => duration.ToString("0.#######E+0", System.Globalization.CultureInfo.InvariantCulture),
            _ => duration.ToString(),
        };
        json.Append($"{{\"agent_id\":\"{id}\",\"previous_action_time\":{previous},\"agentEmail\":\"{email}\",");
        if (!user) json.Append("\"triggered_reason_desc\":\"Automatic Check In\",");
        json.Append($"\"current_action_time\":{current},\"agentName\":\"{name}\",");
        if (user) json.Append($"\"triggered_by_username\":\"{name}\",");
        json.Append($"\"triggered_by\":\"{(user ? "User" : "Zoho Voice")}\",\"duration\":{durationText},");
        json.Append($"\"triggered_by_medium\":\"{(user ? "Web" : "")}\",\"triggered_by_zuid\":\"{(user ? "67560001" : "")}\",");
        json.Append($"\"current_status\":\"{to}\",\"logid\":\"{logId}\",\"zsoid\":\"67560292\",");
        json.Append($"\"triggered_reason\":\"{(user ? "" : "Agent Schedule")}\",\"previous_status\":\"{from}\"}}");
    }
}

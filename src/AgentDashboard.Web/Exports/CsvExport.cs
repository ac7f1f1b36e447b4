using System.Globalization;
using System.Text;
using AgentDashboard.Web.Periods;
using AgentDashboard.Web.Security;
using Microsoft.Extensions.Options;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Requests;

namespace AgentDashboard.Web.Exports;

/// <summary>
/// What every CSV export shares: a request checked first (400 with every problem), Zoho's failures in words (401 when
/// the session ended, else 502), and the file streamed as UTF-8 with CRLF lines and RFC 4180 quoting.
/// </summary>
internal static class CsvExport
{
    /// <summary>The period parameters of an export's query string, checked; agents may be required, and their days must fit <see cref="WorkLimits.MaxAgentDays"/>.</summary>
    public static (PeriodRequest? Request, IReadOnlyList<string> Problems) Parse(HttpContext context, TimeProvider clock, WorkKind kind, bool agentsRequired)
    {
        var q = context.Request.Query;
        var (request, problems) = PeriodRequest.Parse(q["agentIds"], q["from"], q["to"], q["tz"], q["excludeDays"], q["excludeStatus"], clock.GetUtcNow());
        if (agentsRequired && request is { AgentIds.Count: 0 })
        {
            problems = ["agentIds is required: give the ids of the agents to export, separated by commas."];
        }
        if (request is not null && SizeProblem(context, kind, request.AgentIds.Count, request.DayCount) is { } tooLarge)
        {
            problems = [tooLarge];
        }
        return (problems.Count > 0 ? null : request, problems);
    }

    /// <summary>Whether <paramref name="agents"/> over <paramref name="days"/> is more than one export may read, in words.</summary>
    public static string? SizeProblem(HttpContext context, WorkKind kind, int agents, int days) =>
        context.RequestServices.GetRequiredService<IOptions<WorkLimits>>().Value.SizeProblem(kind, agents, days);

    public static IResult Refused(IReadOnlyList<string> problems) =>
        Results.Text("The export was not made:\n" + string.Join("\n", problems) + "\n", "text/plain", statusCode: StatusCodes.Status400BadRequest);

    public static IResult ZohoFailed(ZohoApiException e) =>
        Results.Text($"Zoho Voice could not be read: {e.Message}\n", "text/plain",
            statusCode: e.Kind is ZohoFailureKind.NotSignedIn or ZohoFailureKind.SessionEnded or ZohoFailureKind.InvalidToken
                ? StatusCodes.Status401Unauthorized
                : StatusCodes.Status502BadGateway);

    public static IResult File(string name, PeriodRequest request, Func<TextWriter, Task> write) =>
        NamedFile($"{name}-{request.From:yyyy-MM-dd}-to-{request.To:yyyy-MM-dd}", write);

    /// <summary>A CSV file named <paramref name="name"/>.csv.</summary>
    public static IResult NamedFile(string name, Func<TextWriter, Task> write) =>
        Results.Stream(async body =>
        {
            await using var csv = new StreamWriter(body, new UTF8Encoding(false), 64 * 1024) { NewLine = "\r\n" };
            await write(csv);
        }, "text/csv; charset=utf-8", name + ".csv");

    /// <summary>
    /// A file written a part at a time as Zoho's pages are read. The first part is read before answering, so a bad
    /// request or Zoho's failure is still a 400 or 502 in words; a failure after that ends the download unfinished
    /// (the connection is aborted), never a file that looks complete.
    /// </summary>
    public static async Task<IResult> StreamedAsync<T>(HttpContext context, string name, PeriodRequest request, string header,
        IAsyncEnumerable<T> parts, Func<TextWriter, T, Task> write)
    {
        var reading = parts.GetAsyncEnumerator(context.RequestAborted);
        context.Response.RegisterForDisposeAsync(reading);
        bool more;
        try
        {
            more = await reading.MoveNextAsync();
        }
        catch (ZohoQueryException e)
        {
            return Refused(e.Problems);
        }
        catch (ZohoApiException e)
        {
            return ZohoFailed(e);
        }
        return File(name, request, async csv =>
        {
            await csv.WriteLineAsync(header);
            try
            {
                for (; more; more = await reading.MoveNextAsync())
                {
                    await write(csv, reading.Current);
                    await csv.FlushAsync(context.RequestAborted);
                }
            }
            catch (ZohoApiException e)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CsvExport))
                    .LogWarning("The {Export} export stopped part-way: {Problem}", name, e.Message);
                context.Abort();
            }
        });
    }

    public static Task Row(TextWriter csv, params string[] fields) => csv.WriteLineAsync(string.Join(',', fields));

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>ISO 8601 with the zone's offset at that instant, e.g. 2024-11-03T01:30:00.000-05:00.</summary>
    public static string Instant(long epochMs, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(epochMs), zone).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// A text field, quoted when it holds a comma, quote or line break. A leading = + - @ tab or carriage return gets
    /// an apostrophe, so a spreadsheet does not run a name as a formula.
    /// </summary>
    public static string Field(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}

using System.Globalization;
using System.Text;
using AgentDashboard.Simulator.Accounts;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AgentDashboard.Simulator.Faults;

/// <summary>
/// The simulator's own endpoints (not Zoho's), for tests, load programs and demos: the directory of people
/// and queues, the agents' schedules, and the controls: faults on demand, and expiring or revoking a user's tokens.
/// </summary>
internal static class ControlEndpoints
{
    /// <summary>
    /// Read-only: the simulated people and queues (made-up names, no secrets), which demo mode reads as its queue
    /// catalogue. Always served, since a demo shows the same people to anyone who signs in.
    /// </summary>
    public static void MapDirectory(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/sim/directory", (CallCentreSimulation simulation) => Results.Json(Directory(simulation.Centre)));

    /// <summary>
    /// Read-only: the schedule a planner gave the agents (the plan the simulated days stray from), as CSV for the
    /// local days <c>from</c> to <c>to</c> (inclusive, <c>yyyy-MM-dd</c>). Always served: demo mode reads it.
    /// </summary>
    public static void MapSchedules(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/sim/schedules.csv", (string? from, string? to, CallCentreSimulation simulation) =>
        {
            if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to))
            {
                return Refuse("The parameters from and to are both required: local dates written as yyyy-MM-dd, e.g. ?from=2026-11-16&to=2026-11-22.");
            }
            if (!TryDate(from, out var first) || !TryDate(to, out var last))
            {
                return Refuse($"from \"{from}\" and to \"{to}\" must both be real dates written as yyyy-MM-dd, e.g. 2026-11-16.");
            }
            int days = last.DayNumber - first.DayNumber + 1;
            if (days < 1)
            {
                return Refuse($"to ({to}) is before from ({from}).");
            }
            if (days > ScheduleCsv.MaxDays)
            {
                return Refuse($"At most {ScheduleCsv.MaxDays} days can be asked for at once; {from} to {to} is {days} days.");
            }
            return Results.Stream(async body =>
            {
                await using var writer = new StreamWriter(body, new UTF8Encoding(false));
                await ScheduleCsv.WriteAsync(writer, simulation.Centre, first, last);
            }, "text/csv; charset=utf-8");
        });

    private static IResult Refuse(string message) => Results.Text(message, "text/plain", Encoding.UTF8, StatusCodes.Status400BadRequest);

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>What changes the simulation or anyone's tokens; served only when <see cref="SimulatorOptions.ControlEndpoints"/> is on.</summary>
    public static void MapControl(this IEndpointRouteBuilder routes)
    {
        var sim = routes.MapGroup("/sim");
        sim.MapGet("/faults", (FaultInjector faults) => Results.Json(faults.Current));
        sim.MapPut("/faults", (FaultSettings settings, FaultInjector faults) =>
        {
            if (settings.ErrorRate is < 0 or > 1 || settings.LatencyMs < 0 || settings.RateLimitBurst < 0 || settings.RetryAfterSeconds < 0)
            {
                return Results.BadRequest(new { message = "errorRate must be between 0 and 1; latencyMs, rateLimitBurst and retryAfterSeconds must not be negative." });
            }
            faults.Set(settings);
            return Results.Json(faults.Current);
        });
        sim.MapPost("/users/{zuid}/expire-tokens", (string zuid, CallCentreSimulation simulation, TokenStore tokens) =>
            simulation.Centre.FindUser(zuid) is { } user ? Results.Json(new { expired = tokens.ExpireAccessTokens(user.Index) }) : UnknownUser(zuid));
        sim.MapPost("/users/{zuid}/revoke-tokens", (string zuid, CallCentreSimulation simulation, TokenStore tokens) =>
            simulation.Centre.FindUser(zuid) is { } user ? Results.Json(new { revoked = tokens.RevokeAll(user.Index) }) : UnknownUser(zuid));
        sim.MapGet("/users/{zuid}/tokens", (string zuid, CallCentreSimulation simulation, TokenStore tokens) =>
            simulation.Centre.FindUser(zuid) is { } user ? Results.Json(tokens.Count(user.Index)) : UnknownUser(zuid));
    }

    private static IResult UnknownUser(string zuid) => Results.NotFound(new { message = $"No demo user has the zuid {zuid}." });

    private static object Directory(CallCentre centre) => new
    {
        timeZone = centre.TimeZone.Id,
        users = centre.Users.Select(u => new
        {
            zuid = u.Zuid,
            agentId = u.Agent.Id,
            name = u.Name,
            email = u.Email,
            role = u.Role.ToString(),
            team = u.Team.Order().Select(i => centre.Agents[i].Id),
            watched = u.Watched.Order().Select(i => centre.Agents[i].Id),
        }),
        queues = centre.Queues.Select(q => new { id = q.Id, name = q.Name, strategy = q.StrategyName, members = q.Members.Select(i => centre.Agents[i].Id) }),
        agents = centre.Agents.Select(a => new { id = a.Id, zuid = a.Zuid, name = a.Name, email = a.Email, timeZone = a.TimeZone.Id }),
    };
}

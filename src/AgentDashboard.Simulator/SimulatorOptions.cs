namespace AgentDashboard.Simulator;

/// <summary>The simulated call centre and its Zoho accounts. Section <c>Simulator</c>.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>Everything generated (people, shifts, calls, ids) follows from this number.</summary>
    public int Seed { get; set; } = 7;

    /// <summary>The organisation's IANA time zone: its working days, and the days the simulation is cut into.</summary>
    public string TimeZone { get; set; } = "America/New_York";

    public int AgentCount { get; set; } = 40;
    public int QueueCount { get; set; } = 4;
    public int SupervisorCount { get; set; } = 3;

    /// <summary>
    /// Where refresh tokens are kept so that they survive a restart (as Zoho's do); none when empty. The dashboard's
    /// demo mode keeps them in its data folder, so a wall or a signed-in supervisor carries on after a restart.
    /// </summary>
    public string? RefreshTokenFile { get; set; }

    /// <summary>How far back history can be asked for: more than the 93 days the dashboard reads at once.</summary>
    public int HistoryDays { get; set; } = 100;

    /// <summary>Average queue calls per queue member per hour in the busiest hours.</summary>
    public double CallsPerAgentHour { get; set; } = 2.5;

    /// <summary>How long an agent whose status was set by someone stays in it before setting themselves Available again.</summary>
    public TimeSpan ManualHold { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Lifetime of an access token (Zoho: one hour).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The data centre the simulated accounts report in <c>location</c>.</summary>
    public string Location { get; set; } = "us";

    /// <summary>OAuth clients allowed to sign users in. Demo mode registers the dashboard's own.</summary>
    public List<SimulatorClient> Clients { get; set; } = [new() { ClientId = "1000.SIMULATORDEMO", ClientSecret = "simulator-demo-secret" }];

    /// <summary>Faults on demand, off by default; can be changed at run time through <c>/sim/faults</c>.</summary>
    public FaultSettings Faults { get; set; } = new();

    /// <summary>
    /// Whether the <c>/sim/...</c> control endpoints (faults, token expiry and revocation) are served: on for the
    /// standalone simulator; the dashboard's demo mode turns them off unless this is set there.
    /// </summary>
    public bool ControlEndpoints { get; set; } = true;
}

/// <summary>An OAuth client registered with the simulated accounts server.</summary>
public sealed class SimulatorClient
{
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";

    /// <summary>Allowed redirect URIs; empty allows any loopback or same-host address (demo convenience).</summary>
    public List<string> RedirectUris { get; set; } = [];
}

/// <summary>Reliability faults for tests. All off by default.</summary>
public sealed record FaultSettings
{
    /// <summary>Added to every Voice call.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Share of Voice calls (0-1) answered with HTTP 500.</summary>
    public double ErrorRate { get; init; }

    /// <summary>The next this many Voice calls are answered with HTTP 429.</summary>
    public int RateLimitBurst { get; init; }

    /// <summary>Retry-After (seconds) sent with each 429.</summary>
    public int RetryAfterSeconds { get; init; } = 2;

    /// <summary>Every Voice call fails with HTTP 503 while true.</summary>
    public bool Down { get; init; }
}

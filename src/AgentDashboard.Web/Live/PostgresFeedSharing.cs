using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AgentDashboard.Core.Live;
using AgentDashboard.Web.Store;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AgentDashboard.Web.Live;

// Longer than 400 lines because the leases, the published boards and the announced changes share one channel and its listener.

/// <summary>
/// Feeds shared through PostgreSQL. Each feed has a lease row (<c>feed_leases</c>); the instance holding it polls and
/// writes each board to <c>feed_snapshots</c>, fenced by the lease, then NOTIFYs the others (the board itself in the
/// notification when it fits, else only its version, and they read the row). Every instance renews the leases it holds
/// and bids for those of the feeds it watches every quarter interval; a lease lapses 1.25 intervals after its last
/// renewal, so when the poller dies another takes over within 1.5 intervals and its first poll. An instance that stops
/// hands its leases back at once. Lease times are the database's clock, so instances need not agree on theirs.
/// Status changes made through one instance are NOTIFYed on the same channel, so every instance's feeds show them at once.
/// </summary>
public sealed class PostgresFeedSharing(PostgresDashboardDatabase database, IOptions<LiveFeedOptions> options, ILogger<PostgresFeedSharing> logger)
    : BackgroundService, IFeedSharing
{
    private const string Channel = "agentdashboard_feeds";

    /// <summary>Notifications carry at most 8000 bytes; a board larger than this goes by its row.</summary>
    private const int InlineLimit = 7000;

    /// <summary>Changes per notification: well under its 8000 bytes, with long names.</summary>
    private const int ChangesPerNotification = 20;

    /// <summary>How often the listener checks its connection is alive when nothing arrives.</summary>
    private static readonly TimeSpan ListenerCheck = TimeSpan.FromSeconds(30);

    private readonly string instance = Guid.NewGuid().ToString("N")[..12];
    private readonly ConcurrentDictionary<string, Share> shares = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim roundNow = new(0);
    // Rounds and hand-backs one at a time, so a hand-back never lands between a round's read of the feeds and its write.
    private readonly SemaphoreSlim leaseStatements = new(1, 1);
    private int failedRounds;
    private long rounds;

    private TimeSpan Interval => options.Value.PollInterval;

    /// <summary>How often leases are renewed and bid for.</summary>
    internal TimeSpan RenewEvery => TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(250).Ticks, Interval.Ticks / 4));

    /// <summary>How long a lease holds after its renewal (never less than two rounds and a second).</summary>
    internal TimeSpan LeaseLifetime => Interval * 1.25 > 2 * RenewEvery + TimeSpan.FromSeconds(1) ? Interval * 1.25 : 2 * RenewEvery + TimeSpan.FromSeconds(1);

    /// <summary>This instance's name in the lease and snapshot rows.</summary>
    internal string Instance => instance;

    public async Task<FeedShare> JoinAsync(string feedKey, Action<BoardSnapshot> received, Action<IReadOnlyList<KnownChange>> changed, CancellationToken cancellationToken)
    {
        var share = new Share(this, feedKey, received, changed);
        shares[feedKey] = share;
        try
        {
            // The board last published, so a viewer who lands on this instance sees it before the next poll.
            await CatchUpAsync(share, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            shares.TryRemove(new KeyValuePair<string, Share>(feedKey, share));
            throw;
        }
        roundNow.Release(); // bid for its lease now, not at the next round
        return share;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listening = ListenAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await RenewAndBidAsync(stoppingToken);
            try
            {
                await roundNow.WaitAsync(RenewEvery, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await listening;
    }

    /// <summary>
    /// One round: every lease this instance wants is renewed if held, or taken if free or lapsed; leases others hold
    /// live are not touched (in key order, so rounds of several instances never wait on each other in a circle).
    /// </summary>
    private async Task RenewAndBidAsync(CancellationToken cancellationToken)
    {
        await leaseStatements.WaitAsync(cancellationToken);
        try
        {
            var keys = shares.Keys.Order(StringComparer.Ordinal).ToArray();
            if (keys.Length == 0) return;
            long sentAt = Stopwatch.GetTimestamp();
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = (NpgsqlCommand)connection.CreateCommand();
            command.CommandText = """
                INSERT INTO feed_leases (feed_key, holder, expires_at)
                SELECT wanted.key, @me, clock_timestamp() + @lifetime
                FROM unnest(@keys) AS wanted(key) LEFT JOIN feed_leases AS lease ON lease.feed_key = wanted.key
                WHERE lease.feed_key IS NULL OR lease.holder = @me OR lease.expires_at < clock_timestamp()
                ORDER BY wanted.key
                ON CONFLICT (feed_key) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                WHERE feed_leases.holder = excluded.holder OR feed_leases.expires_at < clock_timestamp()
                RETURNING feed_key
                """;
            command.Parameters.AddWithValue("me", instance);
            command.Parameters.AddWithValue("lifetime", LeaseLifetime);
            command.Parameters.AddWithValue("keys", keys);
            var held = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken)) held.Add(reader.GetString(0));
            }
            // Counted from before the round was sent, so this instance stops first: never two pollers by its clock.
            long until = sentAt + (long)(LeaseLifetime.TotalSeconds * Stopwatch.Frequency);
            foreach (string key in keys)
            {
                if (shares.TryGetValue(key, out var share)) share.SetHeld(held.Contains(key) ? until : 0);
            }
            if (failedRounds > 0) logger.LogInformation("Live feed leases are renewed again after {Failures} failed rounds.", failedRounds);
            failedRounds = 0;
            if (++rounds % 1000 == 0) await ForgetOldFeedsAsync(connection, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever failed (the database, the network), held leases run out by themselves (this instance stops
            // polling when they do); the next round tries again.
            if (failedRounds++ == 0) logger.LogWarning("Could not renew the live feed leases: {Error}: {Message}", error.GetType().Name, error.Message);
        }
        finally
        {
            leaseStatements.Release();
        }
    }

    /// <summary>The rows of feeds nobody has watched for a day.</summary>
    private static async Task ForgetOldFeedsAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM feed_snapshots WHERE published_at < clock_timestamp() - interval '1 day';
            DELETE FROM feed_leases WHERE expires_at < clock_timestamp() - interval '1 day';
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Listens for the boards and hand-backs the other instances announce, on a connection of its own, reconnecting
    /// when it drops or stops answering; what was published meanwhile is read from the rows.
    /// </summary>
    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.Unpooled.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }
                foreach (var share in shares.Values) _ = CatchUpAsync(share, cancellationToken);
                while (true)
                {
                    if (await connection.WaitAsync(ListenerCheck, cancellationToken)) continue;
                    // Quiet for a while: a connection that died without a word fails here.
                    await using var alive = new NpgsqlCommand("SELECT 1", connection);
                    await alive.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogWarning("The live feed listener lost its connection ({Error}: {Message}); it reconnects.", error.GetType().Name, error.Message);
                try
                {
                    await Task.Delay(RenewEvery, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// <c>board|holder|key|version[|json]</c>, <c>free|holder|key</c> when a poller hands a feed back, or
    /// <c>changes|sender|json</c> for status changes made through another instance (for every feed here).
    /// </summary>
    private void OnNotification(string payload)
    {
        if (payload.StartsWith("changes|", StringComparison.Ordinal))
        {
            // Split in three only: the JSON may hold a '|' (in a person's name).
            if (payload.Split('|', 3) is not [_, var sender, var json] || sender == instance) return;
            try
            {
                var changes = JsonSerializer.Deserialize<KnownChange[]>(json) ?? [];
                foreach (var each in shares.Values) each.Changed(changes);
            }
            catch (JsonException error)
            {
                logger.LogWarning("Status changes announced by another instance could not be read: {Message}", error.Message);
            }
            return;
        }
        var parts = payload.Split('|', 5);
        if (parts.Length < 3 || parts[1] == instance || !shares.TryGetValue(parts[2], out var share)) return;
        if (parts[0] == "free")
        {
            roundNow.Release();
        }
        else if (parts[0] == "board" && parts.Length >= 4 && long.TryParse(parts[3], out long version) && version > share.Version)
        {
            if (parts.Length < 5)
            {
                _ = CatchUpAsync(share, CancellationToken.None);
                return;
            }
            try
            {
                share.Receive(version, parts[4]);
            }
            catch (JsonException error)
            {
                logger.LogWarning("A live board published by another instance could not be read: {Message}", error.Message);
            }
        }
    }

    /// <summary>The feed's last published board, when it is newer than the one this instance has and not its own.</summary>
    private async Task CatchUpAsync(Share share, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT version, json FROM feed_snapshots WHERE feed_key = @key AND version > @version AND holder <> @me";
            command.With("key", share.Key).With("version", share.Version).With("me", instance);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken)) share.Receive(reader.GetInt64(0), reader.GetString(1));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error)
        {
            logger.LogWarning("Could not read a live feed's published board: {Error}: {Message}", error.GetType().Name, error.Message);
        }
    }

    private async Task PublishAsync(Share share, BoardSnapshot snapshot, CancellationToken cancellationToken)
    {
        string json = JsonSerializer.Serialize(snapshot);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Written only while this instance holds the lease, and announced in the same statement.
        command.CommandText = $"""
            WITH written AS (
                INSERT INTO feed_snapshots (feed_key, version, holder, json, published_at)
                SELECT @key, 1, @me, @json, clock_timestamp()
                WHERE EXISTS (SELECT 1 FROM feed_leases WHERE feed_key = @key AND holder = @me)
                ON CONFLICT (feed_key) DO UPDATE SET version = feed_snapshots.version + 1, holder = excluded.holder,
                    json = excluded.json, published_at = excluded.published_at
                RETURNING version)
            SELECT pg_notify('{Channel}', 'board|' || @me || '|' || @key || '|' || version || @inline) FROM written
            """;
        command.With("key", share.Key).With("me", instance).With("json", json)
            .With("inline", Encoding.UTF8.GetByteCount(json) <= InlineLimit ? "|" + json : "");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AnnounceAsync(IReadOnlyList<KnownChange> changes, CancellationToken cancellationToken)
    {
        var payloads = changes.Chunk(ChangesPerNotification).Select(chunk => $"changes|{instance}|{JsonSerializer.Serialize(chunk)}").ToArray();
        if (payloads.Length == 0) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = (NpgsqlCommand)connection.CreateCommand();
        command.CommandText = $"SELECT pg_notify('{Channel}', payload) FROM unnest(@payloads) AS payload";
        command.Parameters.AddWithValue("payloads", payloads);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task LeaveAsync(Share share)
    {
        share.SetHeld(0);
        if (!shares.TryRemove(new KeyValuePair<string, Share>(share.Key, share))) return;
        try
        {
            await ReleaseAsync([share.Key], CancellationToken.None);
        }
        catch (Exception error)
        {
            logger.LogInformation("A live feed's lease was not handed back ({Error}); it lapses by itself.", error.GetType().Name);
        }
    }

    /// <summary>Hands leases back (but not those of feeds watched here again meanwhile) and tells the others, so one of them takes over at once.</summary>
    private async Task ReleaseAsync(string[] keys, CancellationToken cancellationToken)
    {
        await leaseStatements.WaitAsync(cancellationToken);
        try
        {
            var released = keys.Where(key => !shares.ContainsKey(key)).ToArray();
            if (released.Length == 0) return;
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = (NpgsqlCommand)connection.CreateCommand();
            command.CommandText = $"""
                WITH freed AS (DELETE FROM feed_leases WHERE holder = @me AND feed_key = ANY(@keys) RETURNING feed_key)
                SELECT pg_notify('{Channel}', 'free|' || @me || '|' || feed_key) FROM freed
                """;
            command.Parameters.AddWithValue("me", instance);
            command.Parameters.AddWithValue("keys", released);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            leaseStatements.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // This instance polls nothing from now on, and the others take its feeds over at once.
        var leaving = shares.Values.ToArray();
        foreach (var share in leaving)
        {
            share.SetHeld(0);
            shares.TryRemove(new KeyValuePair<string, Share>(share.Key, share));
        }
        try
        {
            await ReleaseAsync([.. leaving.Select(s => s.Key)], cancellationToken);
        }
        catch (Exception error)
        {
            logger.LogWarning("Could not hand back the live feed leases at stop ({Error}); they lapse by themselves.", error.GetType().Name);
        }
    }

    private sealed class Share(PostgresFeedSharing sharing, string key, Action<BoardSnapshot> received, Action<IReadOnlyList<KnownChange>> changed) : FeedShare
    {
        private readonly object gate = new();
        private readonly SemaphoreSlim turn = new(0, 1);
        private long heldUntil; // Stopwatch timestamp; 0: not held
        private long version;

        public string Key => key;
        public Action<IReadOnlyList<KnownChange>> Changed => changed;
        public long Version => Interlocked.Read(ref version);

        public override bool Polls => Stopwatch.GetTimestamp() < Interlocked.Read(ref heldUntil);

        public void SetHeld(long until)
        {
            bool was = Polls;
            Interlocked.Exchange(ref heldUntil, until);
            if (until != 0 && !was && turn.CurrentCount == 0)
            {
                try
                {
                    turn.Release();
                }
                catch (SemaphoreFullException)
                {
                }
            }
        }

        public override async Task WaitForTurnAsync(CancellationToken cancellationToken)
        {
            if (!Polls) await turn.WaitAsync(sharing.RenewEvery, cancellationToken);
        }

        /// <summary>A board another instance published, unless a newer one is here already.</summary>
        public void Receive(long newVersion, string json)
        {
            var snapshot = JsonSerializer.Deserialize<BoardSnapshot>(json);
            if (snapshot is null) return;
            lock (gate)
            {
                if (newVersion <= version) return;
                version = newVersion;
            }
            received(snapshot);
        }

        public override Task PublishAsync(BoardSnapshot snapshot, CancellationToken cancellationToken) =>
            Polls ? sharing.PublishAsync(this, snapshot, cancellationToken) : Task.CompletedTask;

        public override ValueTask DisposeAsync() => new(sharing.LeaveAsync(this));
    }
}

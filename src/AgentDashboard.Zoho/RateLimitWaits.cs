using AgentDashboard.Zoho.Http;

namespace AgentDashboard.Zoho;

/// <summary>
/// Waits out Zoho's rate limit while a long fetch pages: a call answered 429 with a Retry-After is tried again after
/// that wait (on the given clock, cancellable) instead of failing the whole fetch. Bounded: a wait longer than
/// <see cref="MaxWait"/>, or more than <see cref="MaxWaits"/> waits in one fetch, fails as before. Without a clock
/// nothing is waited out: callers that pace themselves (the live feeds) see the 429 at once.
/// </summary>
public sealed class RateLimitWaits(TimeProvider? clock)
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);
    public const int MaxWaits = 10;

    private int waits;

    public async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (ZohoApiException e) when (clock is not null && e is { Kind: ZohoFailureKind.RateLimited, RetryAfter: { } wait } && wait <= MaxWait && waits < MaxWaits)
            {
                waits++;
                await Task.Delay(wait, clock, cancellationToken);
            }
        }
    }
}

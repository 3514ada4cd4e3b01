using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Governance.Gateway.Limits;

/// <summary>A token bucket per client: <see cref="RateLimitOptions.Burst"/> deep, refilled at <see cref="RateLimitOptions.CallsPerSecond"/>.</summary>
public sealed class CallRateLimiter : IDisposable
{
    // Refilled ten times a second (or once, for fewer than ten calls a second), so a client is not held for a whole second.
    private const int RefillsPerSecond = 10;

    private readonly PartitionedRateLimiter<string>? _limiter;

    public CallRateLimiter(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        if (Options.CallsPerSecond == 0)
        {
            return;
        }

        var refills = Options.CallsPerSecond >= RefillsPerSecond ? RefillsPerSecond : 1;
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = Options.Burst,
            TokensPerPeriod = Options.CallsPerSecond / refills,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1.0 / refills),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ => bucket));
    }

    public RateLimitOptions Options { get; }

    /// <summary>Takes one call from the client's bucket: null when it may go on, else how long until it may try again.</summary>
    public TimeSpan? Refuse(string client)
    {
        if (_limiter is null)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(client);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1.0 / RefillsPerSecond);
    }

    public void Dispose() => _limiter?.Dispose();
}

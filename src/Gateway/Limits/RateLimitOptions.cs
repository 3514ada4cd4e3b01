using System.ComponentModel.DataAnnotations;

namespace Governance.Gateway.Limits;

/// <summary>
/// How many calls one client may make (section "Gateway:RateLimit"). A client is the subject of its token, or its
/// address for the calls open without one (health, reflection). Each call counts once, a stream too: the messages of a
/// stream are held back by the stream's own window and HTTP/2 flow control, so an app that reports for many people
/// streams rather than calls.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Gateway:RateLimit";

    /// <summary>Calls a second one client may keep up; 0 turns the limit off.</summary>
    [Range(0, 1_000_000)]
    public int CallsPerSecond { get; set; } = 2_000;

    /// <summary>Calls one client may make at once after a quiet spell, before it is held to <see cref="CallsPerSecond"/>.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 4_000;
}

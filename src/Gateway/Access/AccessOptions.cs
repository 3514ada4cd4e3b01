using System.ComponentModel.DataAnnotations;

namespace Governance.Gateway.Access;

/// <summary>How bearer tokens are signed and checked (section "Auth").</summary>
public sealed class AccessOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// The HMAC-SHA256 key (base64, at least 32 bytes) every gateway of the city shares. Empty: a random key for this
    /// process only, and the start-up banner prints a development admin token signed with it.
    /// </summary>
    public string SigningKey { get; set; } = "";

    [Required]
    public string Issuer { get; set; } = "governance.actors";

    [Required]
    public string Audience { get; set; } = "governance.actors";

    /// <summary>How long the printed development admin token is valid.</summary>
    [Range(1, 24 * 30)]
    public int DevelopmentTokenHours { get; set; } = 12;
}

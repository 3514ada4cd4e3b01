using System.ComponentModel.DataAnnotations;

namespace Governance.Silo.Hosting;

/// <summary>The silo's identity and ports (section "Orleans").</summary>
public sealed class OrleansOptions
{
    public const string Section = "Orleans";

    /// <summary>
    /// Part of every stored grain's key: changing it orphans all state, so it is fixed per deployment.
    /// </summary>
    [Required]
    public string ServiceId { get; set; } = "governance";

    /// <summary>Silos with the same cluster id form one cluster.</summary>
    [Required]
    public string ClusterId { get; set; } = "governance-local";

    /// <summary>Silo-to-silo port.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port for external Orleans clients (standalone gateways, tools).</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;
}

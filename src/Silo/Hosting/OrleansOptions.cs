using System.ComponentModel.DataAnnotations;
using System.Net;
using Governance.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Governance.Silo.Hosting;

/// <summary>The silo's identity and ports (section "Orleans").</summary>
public sealed class OrleansOptions : IValidatableObject
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

    /// <summary>
    /// How silos find each other (Orleans clustering): <see cref="LocalhostClustering"/> (the default: one silo on this
    /// machine) or <see cref="AdoNetClustering"/> (the membership table in the PostgreSQL database of <c>Storage</c>, so
    /// several silos form one cluster). SQLite has no clustering provider, so "adonet" needs
    /// <c>Storage:Provider=PostgreSql</c>. Not named <c>Orleans:Clustering</c>: Orleans itself reads that key as the
    /// section of a clustering provider configured from configuration (<c>Orleans:Clustering:ProviderType</c>).
    /// </summary>
    [Required]
    public string Membership { get; set; } = LocalhostClustering;

    /// <summary>
    /// The address this silo announces to the others in "adonet" clustering, and listens on: loopback by default;
    /// an address the other machines reach when silos run on several machines.
    /// </summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>The value of <see cref="Membership"/> for one silo on localhost.</summary>
    public const string LocalhostClustering = "localhost";

    /// <summary>The value of <see cref="Membership"/> for membership in PostgreSQL through ADO.NET.</summary>
    public const string AdoNetClustering = "adonet";

    /// <summary>Whether membership is kept in the database (<see cref="AdoNetClustering"/>).</summary>
    public bool UsesAdoNetClustering => string.Equals(Membership, AdoNetClustering, StringComparison.OrdinalIgnoreCase);

    /// <summary>The parsed <see cref="AdvertisedAddress"/>; valid once the options are validated.</summary>
    public IPAddress GetAdvertisedAddress() => IPAddress.Parse(AdvertisedAddress);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesAdoNetClustering && !string.Equals(Membership, LocalhostClustering, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult(
                $"'{Membership}' is not a clustering mode; use '{LocalhostClustering}' or '{AdoNetClustering}'.", [nameof(Membership)]);
        }

        if (!IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return new ValidationResult($"'{AdvertisedAddress}' is not an IP address.", [nameof(AdvertisedAddress)]);
        }
    }

    /// <summary>
    /// The key Orleans reads as its own clustering provider's section; a plain value there (say "adonet") stops
    /// Orleans with "Could not find Clustering provider named 'Default'", so the start refuses it first.
    /// </summary>
    public const string OrleansClusteringKey = "Orleans:Clustering";

    /// <summary>Throws when a plain value sits at <see cref="OrleansClusteringKey"/>, naming the setting meant instead.</summary>
    /// <exception cref="OptionsValidationException">Orleans:Clustering holds a value.</exception>
    public static void EnsureNoPlainClusteringValue(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[OrleansClusteringKey] is { Length: > 0 } value)
        {
            throw new OptionsValidationException(Section, typeof(OrleansOptions), [
                $"{OrleansClusteringKey}: '{value}' is not read by this silo: Orleans takes {OrleansClusteringKey} as a provider section. " +
                $"Choose the clustering mode with {Section}:{nameof(Membership)}={AdoNetClustering} (or {LocalhostClustering})."]);
        }
    }

    /// <summary>Throws when the clustering mode cannot work on the configured store.</summary>
    /// <exception cref="OptionsValidationException">"adonet" clustering on SQLite.</exception>
    public void EnsureFits(StorageProvider provider)
    {
        if (UsesAdoNetClustering && provider != StorageProvider.PostgreSql)
        {
            throw new OptionsValidationException(Section, typeof(OrleansOptions), [
                $"{Section}:{nameof(Membership)}: '{AdoNetClustering}' keeps the cluster's membership in PostgreSQL, but Storage:Provider is {provider}; " +
                $"SQLite has no Orleans clustering provider. Set Storage:Provider=PostgreSql or {Section}:{nameof(Membership)}={LocalhostClustering}."]);
        }
    }
}

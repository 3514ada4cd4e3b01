using System.Text.Json;

namespace Governance.Grains.Storage;

/// <summary>
/// Reads a grain's first state from the city register. The register's JSON is the grain DTO itself, so
/// seeding is one deserialisation, and a grain that has stored state never looks at the register again.
/// </summary>
public static class RegisterSeed
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The record of that kind and id as <typeparamref name="T"/>, or null when the register has none.</summary>
    public static async Task<T?> ReadAsync<T>(this IRegistryStore registry, string kind, string id, CancellationToken cancellationToken)
        where T : class
    {
        var record = await registry.GetAsync(kind, id, cancellationToken);
        return record is null ? null : JsonSerializer.Deserialize<T>(record.Body, Json);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Cli.Mapping;

/// <summary>
/// The mapping file: how the columns of one kind of CSV become the fields of a ReportRequest. JSON with the
/// field names of the contract in camelCase; comments and trailing commas are allowed, unknown keys are not (a
/// typo must not silently drop a field).
/// </summary>
public sealed record MappingFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>What data this maps and where it comes from, for people.</summary>
    public string? About { get; init; }

    /// <summary>The CSV delimiter, one character; a comma unless said otherwise.</summary>
    public string Delimiter { get; init; } = ",";

    public ExternalIdSpec? ExternalId { get; init; }

    public CategorySpec? Category { get; init; }

    public TextSpec? Description { get; init; }

    public ColumnSpec? Latitude { get; init; }

    public ColumnSpec? Longitude { get; init; }

    public ReportedAtSpec? ReportedAt { get; init; }

    public TextSpec? ReporterId { get; init; }

    public SourceSpec? Source { get; init; }

    /// <summary>
    /// What kind of case every row opens: incident (left out), petition, dispute, welfare or rectification, e.g.
    /// rectification for an inspection's feedback list, one task per item.
    /// </summary>
    public string? Kind { get; init; }

    /// <summary>Reads a mapping file.</summary>
    /// <exception cref="MappingException">The file is missing, not JSON, or has keys this version does not know.</exception>
    public static async Task<MappingFile> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<MappingFile>(stream, Json, cancellationToken)
                ?? throw new MappingException($"{path} holds null, not a mapping.");
        }
        catch (JsonException ex)
        {
            throw new MappingException($"{path} is not a valid mapping: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MappingException($"{path} cannot be read: {ex.Message}", ex);
        }
    }
}

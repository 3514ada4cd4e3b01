using System.Text.Json;
using Governance.Contracts.Evaluation;

namespace Governance.Silo.Storage.OpenCases;

/// <summary>A case's evaluation facts as its row keeps them: JSON, without the facts still at their defaults.</summary>
internal static class CaseFactsJson
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault,
    };

    public static string Write(CaseFacts facts) => JsonSerializer.Serialize(facts, Json);

    public static CaseFacts Read(string json) => JsonSerializer.Deserialize<CaseFacts>(json, Json) ?? new CaseFacts();
}

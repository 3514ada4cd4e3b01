namespace Governance.Contracts.Surveys;

/// <summary>A resident drawn for a survey, and whether they have answered (what they answered is not shown).</summary>
[GenerateSerializer, Immutable, Alias("SampledResident")]
public sealed record class SampledResident(
    [property: Id(0)] string ResidentId,
    [property: Id(1)] bool Answered);

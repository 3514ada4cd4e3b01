namespace Governance.Contracts.Surveys;

/// <summary>A satisfaction survey as it is asked for; the gateway has checked every field.</summary>
/// <param name="Title">What it is about, e.g. "Toilet renovation, autumn check".</param>
/// <param name="Question">The one question, answered with a score from 1 (very dissatisfied) to 5 (very satisfied).</param>
/// <param name="Area">The area whose residents are sampled: an area code or a cell id.</param>
/// <param name="PolicyId">The policy it asks about, whose score its answers feed; empty for an area survey only.</param>
/// <param name="SampleSize">How many residents to draw; all of them when the area has fewer.</param>
/// <param name="Seed">Seeds the draw: the same residents on file and seed draw the same sample.</param>
/// <param name="ClosesAt">Answers are taken until then.</param>
[GenerateSerializer, Immutable, Alias("SurveyDraft")]
public sealed record class SurveyDraft(
    [property: Id(0)] string Title,
    [property: Id(1)] string Question,
    [property: Id(2)] string Area,
    [property: Id(3)] string PolicyId,
    [property: Id(4)] int SampleSize,
    [property: Id(5)] int Seed,
    [property: Id(6)] DateTimeOffset ClosesAt);

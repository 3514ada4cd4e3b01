namespace Governance.Contracts.Welfare;

/// <summary>A document handed in with a step: its kind and a link to its scan.</summary>
[GenerateSerializer, Immutable, Alias("CaseDocument")]
public sealed record class CaseDocument([property: Id(0)] DocumentKind Kind, [property: Id(1)] string Link);

/// <summary>A document a welfare application holds: what it is, where its scan is, who handed it in and when.</summary>
[GenerateSerializer, Immutable, Alias("SubmittedDocument")]
public sealed record class SubmittedDocument(
    [property: Id(0)] DocumentKind Kind,
    [property: Id(1)] string Link,
    [property: Id(2)] string SubmittedBy,
    [property: Id(3)] DateTimeOffset SubmittedAt);

using Governance.Contracts.V1;

namespace Governance.Intake.Bench.Load;

/// <summary>Something that happened at one place: its reports share a category and lie within ~30 m of each other.</summary>
public sealed record Incident(Category Category, IReadOnlyList<GeoPoint> Points);

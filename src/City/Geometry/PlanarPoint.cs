namespace Governance.City.Geometry;

/// <summary>A point of a <see cref="LocalProjection"/>, in metres east (X) and north (Y) of its origin.</summary>
public readonly record struct PlanarPoint(double X, double Y);

namespace Governance.Risk.Features;

/// <summary>One input of the flood model: its column in a training file, its unit, and what it says about a household.</summary>
/// <param name="Column">The CSV column and the name in explanations, snake_case.</param>
/// <param name="Unit">Its unit, for tables and plots; empty for counts and codes.</param>
/// <param name="Description">What it measures, for the report.</param>
public sealed record FloodFeature(string Column, string Unit, string Description);

namespace Governance.Intake.Bench;

/// <summary>How report locations and categories are chosen.</summary>
public enum LoadMode
{
    /// <summary>Every report at a random valid point of the city with a random category.</summary>
    Uniform,

    /// <summary>A share of the reports cluster around incident points (same category, within ~30 m), so they merge.</summary>
    Storm,
}

using System.ComponentModel.DataAnnotations;

namespace Governance.Grains.Projects;

/// <summary>How the project library judges where the money goes (configuration section "Projects").</summary>
public sealed class ProjectsOptions
{
    public const string Section = "Projects";

    /// <summary>
    /// A place is warned about when its share of an area's project budget exceeds this many times its share of the
    /// area's residents: 2 means "twice the money its population would get".
    /// </summary>
    [Range(1.0, 100.0)]
    public double ConcentrationFactor { get; set; } = 2.0;
}

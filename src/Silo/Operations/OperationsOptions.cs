using Microsoft.Extensions.Configuration;

namespace Governance.Silo.Operations;

/// <summary>What the silo offers operators beside its metrics (section "Operations").</summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>
    /// The Orleans dashboard at /dashboard (admins only). It counts every grain call to show them, so a deployment that
    /// never looks at it can turn it off; docs/benchmarks.md says what it costs intake.
    /// </summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>Read at start: the dashboard is wired into the silo and the routes before either runs.</summary>
    public static OperationsOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<OperationsOptions>() ?? new OperationsOptions();
}

using Orleans.Concurrency;

namespace Governance.Contracts.Rectification;

/// <summary>
/// Assembles an inspection's rectification dashboard: its tasks from the case list, each read from its case, counted and
/// ordered as of one moment. A stateless worker: any silo answers, as many at once as are asked. Key it 0.
/// </summary>
[Alias("IRectificationDashboardGrain")]
public interface IRectificationDashboardGrain : IGrainWithIntegerKey
{
    /// <summary>The dashboard of the tasks <paramref name="scope"/> names, as of now.</summary>
    [Alias("Get"), ReadOnly]
    Task<RectificationDashboard> GetAsync(RectificationScope scope);
}

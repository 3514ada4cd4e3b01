using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Cells;
using Governance.Contracts.Merging;
using Governance.Grains.Tests.Infrastructure;

namespace Governance.Grains.Tests;

/// <summary>The cached way to make references names the same grains as Orleans' own <c>GetGrain</c>.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class GrainReferencesTests(GrainClusterFixture fixture)
{
    [Fact]
    public void References_NameTheSameGrainsAsGetGrain_OnTheFirstCallAndAfter()
    {
        var grains = fixture.Grains;
        for (var call = 0; call < 2; call++)
        {
            Assert.Equal(grains.GetGrain<ICaseGrain>(GrainKeys.Case($"c{call}")).GetGrainId(), grains.Case($"c{call}").GetGrainId());
            Assert.Equal(grains.GetGrain<IGridCellGrain>(GrainKeys.Cell($"a.{call}.1")).GetGrainId(), grains.Cell($"a.{call}.1").GetGrainId());
            Assert.Equal(grains.GetGrain<IMergeZoneGrain>(GrainKeys.Zone($"{call}.-2")).GetGrainId(), grains.Zone(GrainKeys.Zone($"{call}.-2")).GetGrainId());
        }
    }
}

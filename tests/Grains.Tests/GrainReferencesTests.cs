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
            AssertSame(grains.GetGrain<ICaseGrain>(GrainKeys.Case($"c{call}")), grains.Case($"c{call}"));
            AssertSame(grains.GetGrain<IGridCellGrain>(GrainKeys.Cell($"a.{call}.1")), grains.Cell($"a.{call}.1"));
            AssertSame(grains.GetGrain<IMergeZoneGrain>(GrainKeys.Zone($"{call}.-2")), grains.Zone(GrainKeys.Zone($"{call}.-2")));
        }
    }

    private static void AssertSame(IAddressable expected, IAddressable actual)
    {
        Assert.Equal(expected.GetGrainId(), actual.GetGrainId());
        Assert.Equal(((GrainReference)expected).InterfaceType, ((GrainReference)actual).InterfaceType);
    }
}

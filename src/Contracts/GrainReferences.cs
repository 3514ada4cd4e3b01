using Governance.Contracts.Cases;
using Governance.Contracts.Cells;
using Governance.Contracts.Merging;

namespace Governance.Contracts;

/// <summary>
/// References to the governance grains by id. <c>GetGrain&lt;T&gt;(string)</c> reads the interface's attributes by
/// reflection on every call, which the intake path makes thousands of times a second; the grain type is looked up
/// once per interface here and each reference is then made from a <see cref="GrainId"/>.
/// </summary>
public static class GrainReferences
{
    public static IGridCellGrain Cell(this IGrainFactory grains, string cellId) => Get<IGridCellGrain>(grains, GrainKeys.Cell(cellId));

    public static ICaseGrain Case(this IGrainFactory grains, string caseId) => Get<ICaseGrain>(grains, GrainKeys.Case(caseId));

    /// <summary>The merge zone under its full grain key, as <c>MergeZones</c> gives it.</summary>
    public static IMergeZoneGrain Zone(this IGrainFactory grains, string zoneKey) => Get<IMergeZoneGrain>(grains, zoneKey);

    private static T Get<T>(IGrainFactory grains, string key)
        where T : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (TypeOf<T>.Grain is not { } type)
        {
            // The first reference goes the slow way and tells which grain type implements the interface.
            var first = grains.GetGrain<T>(key);
            TypeOf<T>.Grain = first.GetGrainId().Type;
            return first;
        }

        return grains.GetGrain<T>(GrainId.Create(type, key));
    }

    private static class TypeOf<T>
    {
        public static GrainType? Grain { get; set; }
    }
}

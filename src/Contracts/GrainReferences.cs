using Governance.Contracts.Cases;
using Governance.Contracts.Cells;
using Governance.Contracts.Departments;
using Governance.Contracts.Merging;

namespace Governance.Contracts;

/// <summary>
/// References to the governance grains by id. <c>GetGrain&lt;T&gt;</c> resolves the interface's grain type and interface
/// type from its attributes, by reflection, on every call, and the intake path makes thousands a second; both are looked
/// up once per interface here and each reference is then made from them.
/// </summary>
public static class GrainReferences
{
    public static IGridCellGrain Cell(this IGrainFactory grains, string cellId) => Get<IGridCellGrain>(grains, GrainKeys.Cell(cellId));

    public static ICaseGrain Case(this IGrainFactory grains, string caseId) => Get<ICaseGrain>(grains, GrainKeys.Case(caseId));

    /// <summary>The merge zone under its full grain key, as <c>MergeZones</c> gives it.</summary>
    public static IMergeZoneGrain Zone(this IGrainFactory grains, string zoneKey) => Get<IMergeZoneGrain>(grains, zoneKey);

    public static IDepartmentGrain Department(this IGrainFactory grains, string code) => Get<IDepartmentGrain>(grains, GrainKeys.Department(code));

    public static Evaluation.IEvaluationGrain AreaEvaluation(this IGrainFactory grains, string areaCode) =>
        Get<Evaluation.IEvaluationGrain>(grains, GrainKeys.AreaEvaluation(areaCode));

    public static Evaluation.IEvaluationGrain DepartmentEvaluation(this IGrainFactory grains, string code) =>
        Get<Evaluation.IEvaluationGrain>(grains, GrainKeys.DepartmentEvaluation(code));

    private static T Get<T>(IGrainFactory grains, string key)
        where T : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (TypeOf<T>.Resolved is not var (grainType, interfaceType))
        {
            // The first reference goes the slow way and tells which grain type and interface type to use.
            var first = grains.GetGrain<T>(key);
            TypeOf<T>.Resolved = (first.GetGrainId().Type, ((GrainReference)(object)first).InterfaceType);
            return first;
        }

        return (T)grains.GetGrain(GrainId.Create(grainType, key), interfaceType);
    }

    private static class TypeOf<T>
    {
        public static (GrainType Grain, GrainInterfaceType Interface)? Resolved { get; set; }
    }
}

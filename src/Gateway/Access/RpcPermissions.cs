using Google.Protobuf.Reflection;
using Governance.Contracts.V1;

namespace Governance.Gateway.Access;

/// <summary>Who may call a method: anyone without a token (health only), or a caller with one of the roles.</summary>
public sealed record MethodAccess(bool Anonymous, IReadOnlySet<string> Roles);

/// <summary>
/// The one table of who may call what, keyed by the gRPC method path ("/governance.v1.CaseService/GetCase").
/// A method missing from it is refused to everyone, so a new RPC is closed until someone decides who may call it.
/// Finer rules (a grid worker's own cells, masking of personal data) are the services' own.
/// </summary>
public static class RpcPermissions
{
    private static readonly string[] Staff = [Roles.GridWorker, Roles.Dispatcher, Roles.CivilAffairs, Roles.Analyst, Roles.Admin];
    private static readonly string[] Reporters = [Roles.Reporter, Roles.GridWorker, Roles.Dispatcher, Roles.CivilAffairs, Roles.Admin];
    private static readonly string[] PeopleWriters = [Roles.GridWorker, Roles.CivilAffairs, Roles.Admin];
    private static readonly string[] Residents = [Roles.Reporter, Roles.GridWorker, Roles.CivilAffairs, Roles.Admin];

    public static IReadOnlyDictionary<string, MethodAccess> ByMethod { get; } = Build();

    public static string PathOf(ServiceDescriptor service, MethodDescriptor method) => $"/{service.FullName}/{method.Name}";

    private static Dictionary<string, MethodAccess> Build()
    {
        var table = new Dictionary<string, MethodAccess>(StringComparer.Ordinal);

        Allow(IntakeService.Descriptor, Reporters, "Report", "ReportStream");
        Allow(SensorService.Descriptor, [Roles.Reporter, Roles.Admin], "RecordReading", "RecordReadings");
        Allow(GridService.Descriptor, Roles.All, "GetCell", "LocateCell", "ListCells", "ListAreas");
        // The city's live picture is for staff, not for the apps and sensors that report into it.
        Allow(GridService.Descriptor, Staff, "WatchCells");

        Allow(CaseService.Descriptor, Staff, "GetCase", "ListCases", "GetDepartmentQueue");
        Allow(CaseService.Descriptor, [Roles.Dispatcher, Roles.CivilAffairs, Roles.Admin], "TransitionCase");
        // The hotline calls reporters back for their rating (回访), or the reporter's app rates.
        Allow(CaseService.Descriptor, [Roles.Reporter, Roles.Dispatcher, Roles.Admin], "RateCase");
        Allow(EvaluationService.Descriptor, [Roles.Dispatcher, Roles.CivilAffairs, Roles.Analyst, Roles.Admin], "GetEvaluation");
        // Where an inspection's rectification stands is for every member of staff, as the cases it is made of are.
        Allow(RectificationService.Descriptor, Staff, "GetRectificationDashboard");

        Allow(ResidentService.Descriptor, PeopleWriters, "CreateResident", "UpdateResident", "RecordVisit");
        Allow(ResidentService.Descriptor, Staff, "GetResident", "SearchResidents");
        Allow(ResidentService.Descriptor, [Roles.GridWorker, Roles.Dispatcher, Roles.CivilAffairs, Roles.Admin], "ListDueVisits");
        Allow(ResidentService.Descriptor, [Roles.CivilAffairs, Roles.Admin], "AssignGridWorker", "ImportPeople");
        Allow(ResidentService.Descriptor, [Roles.Admin], "ListProfileReads");
        Allow(HouseholdService.Descriptor, PeopleWriters, "CreateHousehold", "UpdateHousehold");
        Allow(HouseholdService.Descriptor, Staff, "GetHousehold", "SearchHouseholds");

        Allow(CouncilService.Descriptor, Roles.All, "GetProposal", "ListProposals");
        Allow(CouncilService.Descriptor, Residents, "CreateProposal", "AddComment", "CastBallot");
        Allow(CouncilService.Descriptor, [Roles.CivilAffairs, Roles.Admin], "PublishResult");

        Allow(RiskService.Descriptor, [Roles.Analyst, Roles.Admin], "RegisterModel", "ListModels", "PromoteModel", "RollbackModel");
        Allow(RiskService.Descriptor, Staff, "ScoreHouseholds");
        Allow(RiskService.Descriptor, [Roles.Dispatcher, Roles.CivilAffairs, Roles.Admin], "IssueStormWarning");
        Allow(RiskService.Descriptor, [Roles.GridWorker, Roles.Dispatcher, Roles.CivilAffairs, Roles.Admin], "RecordOutcome");
        Allow(RiskService.Descriptor, [Roles.Analyst, Roles.Admin], "ExportTrainingData");

        // Township officials keep the project library; every staff role reads it.
        Allow(ProjectService.Descriptor, [Roles.CivilAffairs, Roles.Admin], "CreateProject", "UpdateProject");
        Allow(ProjectService.Descriptor, Staff, "GetProject", "ListProjects", "GetProjectBudget");
        Allow(PolicyService.Descriptor, [Roles.CivilAffairs, Roles.Admin], "DefinePolicy", "RecordPolicyFunds");
        Allow(PolicyService.Descriptor, Staff, "ListPolicies", "RankPolicies", "GetPolicyHistory");
        Allow(SurveyService.Descriptor, [Roles.CivilAffairs, Roles.Admin], "CreateSurvey");
        // Residents answer in the citizens' app (reporter), or to their grid worker or civil affairs by phone or at the door.
        Allow(SurveyService.Descriptor, Residents, "AnswerSurvey");
        Allow(SurveyService.Descriptor, Staff, "GetSurvey", "ListSurveys", "ListSurveySample");

        // Load balancers probe health without a token; the schema is for any caller with one.
        Open(Grpc.Health.V1.Health.Descriptor, "Check", "Watch");
        Allow(Grpc.Reflection.V1Alpha.ServerReflection.Descriptor, Roles.All, "ServerReflectionInfo");
        Allow(Grpc.Reflection.V1.ServerReflection.Descriptor, Roles.All, "ServerReflectionInfo");
        return table;

        void Allow(ServiceDescriptor service, IReadOnlyList<string> roles, params string[] methods) =>
            Add(service, new MethodAccess(false, roles.ToHashSet(StringComparer.Ordinal)), methods);

        void Open(ServiceDescriptor service, params string[] methods) =>
            Add(service, new MethodAccess(true, new HashSet<string>()), methods);

        void Add(ServiceDescriptor service, MethodAccess permission, string[] methods)
        {
            foreach (var name in methods)
            {
                var method = service.FindMethodByName(name)
                    ?? throw new InvalidOperationException($"{service.FullName} has no method {name}");
                table.Add(PathOf(service, method), permission);
            }
        }
    }
}

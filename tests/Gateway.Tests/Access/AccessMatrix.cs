using Google.Protobuf.Reflection;
using Governance.Contracts.V1;
using Governance.Gateway.Access;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;

namespace Governance.Gateway.Tests.Access;

/// <summary>
/// Who may call what, written out here apart from the gateway's own table, and the check of a gateway against it: every
/// RPC of the contract called over HTTP/2 by each role and without a token. The requests are empty: a call let in fails,
/// if at all, on its fields, which is how it shows that it was let in.
/// </summary>
internal static class AccessMatrix
{
    public const string Reporter = "reporter", Worker = "grid-worker", Dispatcher = "dispatcher", Civil = "civil-affairs", Analyst = "analyst", Admin = "admin";

    public static readonly string[] Everyone = [Reporter, Worker, Dispatcher, Civil, Analyst, Admin];
    private static readonly string[] Staff = [Worker, Dispatcher, Civil, Analyst, Admin];

    /// <summary>Who may call what, as the issue and docs/architecture.md say.</summary>
    public static readonly Dictionary<string, string[]> Expected = new()
    {
        ["IntakeService.Report"] = [Reporter, Worker, Dispatcher, Civil, Admin],
        ["IntakeService.ReportStream"] = [Reporter, Worker, Dispatcher, Civil, Admin],
        ["SensorService.RecordReading"] = [Reporter, Admin],
        ["SensorService.RecordReadings"] = [Reporter, Admin],
        ["GridService.GetCell"] = Everyone,
        ["GridService.LocateCell"] = Everyone,
        ["GridService.ListCells"] = Everyone,
        ["GridService.ListAreas"] = Everyone,
        ["GridService.WatchCells"] = Staff,
        ["CaseService.GetCase"] = Staff,
        ["CaseService.ListCases"] = Staff,
        ["CaseService.GetDepartmentQueue"] = Staff,
        ["CaseService.TransitionCase"] = [Dispatcher, Civil, Admin],
        ["CaseService.RateCase"] = [Reporter, Dispatcher, Admin],
        ["EvaluationService.GetEvaluation"] = [Dispatcher, Civil, Analyst, Admin],
        ["RectificationService.GetRectificationDashboard"] = Staff,
        ["ResidentService.CreateResident"] = [Worker, Civil, Admin],
        ["ResidentService.UpdateResident"] = [Worker, Civil, Admin],
        ["ResidentService.GetResident"] = Staff,
        ["ResidentService.SearchResidents"] = Staff,
        ["ResidentService.RecordVisit"] = [Worker, Civil, Admin],
        ["ResidentService.ListDueVisits"] = [Worker, Dispatcher, Civil, Admin],
        ["ResidentService.AssignGridWorker"] = [Civil, Admin],
        ["ResidentService.ImportPeople"] = [Civil, Admin],
        ["ResidentService.ListProfileReads"] = [Admin],
        ["HouseholdService.CreateHousehold"] = [Worker, Civil, Admin],
        ["HouseholdService.UpdateHousehold"] = [Worker, Civil, Admin],
        ["HouseholdService.GetHousehold"] = Staff,
        ["HouseholdService.SearchHouseholds"] = Staff,
        ["CouncilService.CreateProposal"] = [Reporter, Worker, Civil, Admin],
        ["CouncilService.GetProposal"] = Everyone,
        ["CouncilService.ListProposals"] = Everyone,
        ["CouncilService.AddComment"] = [Reporter, Worker, Civil, Admin],
        ["CouncilService.CastBallot"] = [Reporter, Worker, Civil, Admin],
        ["CouncilService.PublishResult"] = [Civil, Admin],
        ["RiskService.RegisterModel"] = [Analyst, Admin],
        ["RiskService.ListModels"] = [Analyst, Admin],
        ["RiskService.PromoteModel"] = [Analyst, Admin],
        ["RiskService.RollbackModel"] = [Analyst, Admin],
        ["RiskService.ScoreHouseholds"] = Staff,
        ["RiskService.IssueStormWarning"] = [Dispatcher, Civil, Admin],
        ["RiskService.RecordOutcome"] = [Worker, Dispatcher, Civil, Admin],
        ["RiskService.ExportTrainingData"] = [Analyst, Admin],
        ["ProjectService.CreateProject"] = [Civil, Admin],
        ["ProjectService.UpdateProject"] = [Civil, Admin],
        ["ProjectService.GetProject"] = Staff,
        ["ProjectService.ListProjects"] = Staff,
        ["ProjectService.GetProjectBudget"] = Staff,
        ["PolicyService.DefinePolicy"] = [Civil, Admin],
        ["PolicyService.RecordPolicyFunds"] = [Civil, Admin],
        ["PolicyService.ListPolicies"] = Staff,
        ["PolicyService.RankPolicies"] = Staff,
        ["PolicyService.GetPolicyHistory"] = Staff,
        ["SurveyService.CreateSurvey"] = [Civil, Admin],
        ["SurveyService.AnswerSurvey"] = [Reporter, Worker, Civil, Admin],
        ["SurveyService.GetSurvey"] = Staff,
        ["SurveyService.ListSurveys"] = Staff,
        ["SurveyService.ListSurveySample"] = Staff,
        ["ServerReflection.ServerReflectionInfo"] = Everyone,
    };

    /// <summary>Every service of the contract, found in its assembly (so a new one cannot be missed), and reflection.</summary>
    public static readonly ServiceDescriptor[] Services =
    [
        .. typeof(IntakeService).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(IntakeService).Namespace && type.IsClass && type.IsAbstract && type.IsSealed)
            .Select(type => type.GetProperty("Descriptor")?.GetValue(null))
            .OfType<ServiceDescriptor>()
            .OrderBy(service => service.Name, StringComparer.Ordinal),
        Grpc.Reflection.V1Alpha.ServerReflection.Descriptor,
    ];

    // An empty message: a call let in fails, if at all, on its fields; one response shows a stream was let in.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// What the gateway at <paramref name="address"/> does other than the matrix says: a role kept out where it is let
    /// in, a role let in (or refused without naming caller and method) where it is kept out, a call without a token
    /// that is not UNAUTHENTICATED. Empty when the gateway keeps to the matrix.
    /// </summary>
    public static async Task<List<string>> DeviationsAsync(string address, Func<string, string, GrpcChannel> channelAs)
    {
        var wrong = new List<string>();
        using var anonymous = GrpcChannel.ForAddress(address);
        foreach (var role in Everyone)
        {
            using var channel = channelAs($"matrix-{role}", role);
            foreach (var (service, method) in Methods())
            {
                var name = $"{service.Name}.{method.Name}";
                var status = await RawCall.RunAsync(channel.CreateCallInvoker(), method, request: null, CallTimeout, maxResponses: 1);
                var allowed = Expected[name].Contains(role);
                if (allowed && status.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated)
                {
                    wrong.Add($"{role} was kept out of {name}: {status}");
                }
                else if (!allowed && (status.StatusCode != StatusCode.PermissionDenied
                    || !status.Detail.Contains($"matrix-{role} ({role}) may not call {name}", StringComparison.Ordinal)))
                {
                    wrong.Add($"{role} was not refused {name} as it should be: {status}");
                }
            }
        }

        foreach (var (service, method) in Methods())
        {
            var status = await RawCall.RunAsync(anonymous.CreateCallInvoker(), method, request: null, CallTimeout, maxResponses: 1);
            if (status.StatusCode != StatusCode.Unauthenticated || !status.Detail.Contains("no bearer token", StringComparison.Ordinal))
            {
                wrong.Add($"a call without a token to {service.Name}.{method.Name} got {status}");
            }
        }

        return wrong;
    }

    public static IEnumerable<(ServiceDescriptor Service, MethodDescriptor Method)> Methods() =>
        Services.SelectMany(service => service.Methods.Select(method => (service, method)));
}

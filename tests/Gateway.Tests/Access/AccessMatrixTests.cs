using Google.Protobuf.Reflection;
using Governance.Contracts.V1;
using Governance.Gateway.Access;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;

namespace Governance.Gateway.Tests.Access;

/// <summary>
/// Every RPC of the contract, called over HTTP/2 by each role and without a token: the roles this test expects (written
/// out here, apart from the gateway's own table) get past the door; every other one is PERMISSION_DENIED, naming the
/// caller and the method; no token is UNAUTHENTICATED. The requests are empty: a call let in fails, if at all, on its
/// fields, which is how it shows that it was let in.
/// </summary>
[Collection(DemoCityCollection.Name)]
public sealed class AccessMatrixTests(DemoCityHostFixture fixture)
{
    private const string Reporter = "reporter", Worker = "grid-worker", Dispatcher = "dispatcher", Civil = "civil-affairs", Analyst = "analyst", Admin = "admin";

    private static readonly string[] Everyone = [Reporter, Worker, Dispatcher, Civil, Analyst, Admin];
    private static readonly string[] Staff = [Worker, Dispatcher, Civil, Analyst, Admin];

    /// <summary>Who may call what, as the issue and docs/architecture.md say.</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
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
    private static readonly ServiceDescriptor[] Services =
    [
        .. typeof(IntakeService).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(IntakeService).Namespace && type.IsClass && type.IsAbstract && type.IsSealed)
            .Select(type => type.GetProperty("Descriptor")?.GetValue(null))
            .OfType<ServiceDescriptor>()
            .OrderBy(service => service.Name, StringComparer.Ordinal),
        Grpc.Reflection.V1Alpha.ServerReflection.Descriptor,
    ];

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    [Fact]
    public void TheMatrix_CoversEveryMethodOfTheContract()
    {
        var methods = Services.SelectMany(service => service.Methods.Select(m => $"{service.Name}.{m.Name}")).Order().ToList();
        Assert.Equal(methods, Expected.Keys.Order().ToList());
    }

    [Fact]
    public async Task EachRole_IsLetInExactlyWhereTheMatrixSays_AndNoTokenNowhere()
    {
        var wrong = new List<string>();
        using var anonymous = GrpcChannel.ForAddress(fixture.Host.Address);
        foreach (var role in Everyone)
        {
            using var channel = fixture.Host.ChannelAs($"matrix-{role}", role);
            foreach (var (service, method) in Methods())
            {
                var name = $"{service.Name}.{method.Name}";
                var status = await CallAsync(channel, service, method);
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
            var status = await CallAsync(anonymous, service, method);
            if (status.StatusCode != StatusCode.Unauthenticated || !status.Detail.Contains("no bearer token", StringComparison.Ordinal))
            {
                wrong.Add($"a call without a token to {service.Name}.{method.Name} got {status}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void TheGatewaysTable_HasAnEntryForEveryMethodItServes_AndOpensOnlyHealthToAnyone()
    {
        var served = Services.Append(Grpc.Reflection.V1.ServerReflection.Descriptor).Append(Grpc.Health.V1.Health.Descriptor)
            .SelectMany(service => service.Methods.Select(method => RpcPermissions.PathOf(service, method)));
        Assert.All(served, path => Assert.True(RpcPermissions.ByMethod.ContainsKey(path), $"{path} has no permission"));
        // Only the health probe is open without a token.
        Assert.Equal(
            ["/grpc.health.v1.Health/Check", "/grpc.health.v1.Health/Watch"],
            RpcPermissions.ByMethod.Where(entry => entry.Value.Anonymous).Select(entry => entry.Key).Order(StringComparer.Ordinal).ToList());
    }

    private static IEnumerable<(ServiceDescriptor Service, MethodDescriptor Method)> Methods() =>
        Services.SelectMany(service => service.Methods.Select(method => (service, method)));

    /// <summary>The method called with an empty request (or an empty request stream), and the status it ended with.</summary>
    private static async Task<Status> CallAsync(GrpcChannel channel, ServiceDescriptor service, MethodDescriptor method)
    {
        var type = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            _ => MethodType.DuplexStreaming,
        };
        var call = new Method<byte[], byte[]>(type, service.FullName, method.Name, Bytes, Bytes);
        var invoker = channel.CreateCallInvoker();
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30));
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(call, null, options, []);
                    break;
                case MethodType.ServerStreaming:
                    using (var download = invoker.AsyncServerStreamingCall(call, null, options, []))
                    {
                        // One message shows the call was let in; a live feed (WatchCells) never ends by itself.
                        await download.ResponseStream.MoveNext(CancellationToken.None);
                    }

                    break;
                case MethodType.ClientStreaming:
                    using (var upload = invoker.AsyncClientStreamingCall(call, null, options))
                    {
                        await upload.RequestStream.CompleteAsync();
                        await upload;
                    }

                    break;
                case MethodType.DuplexStreaming:
                    using (var duplex = invoker.AsyncDuplexStreamingCall(call, null, options))
                    {
                        await duplex.RequestStream.CompleteAsync();
                        while (await duplex.ResponseStream.MoveNext(CancellationToken.None))
                        {
                        }
                    }

                    break;
                default:
                    throw new NotSupportedException($"{service.Name}.{method.Name} is {type}: add it here");
            }

            return Status.DefaultSuccess;
        }
        catch (RpcException ex)
        {
            return ex.Status;
        }
    }
}

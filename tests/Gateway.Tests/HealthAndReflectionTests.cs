using Governance.Gateway.Tests.Infrastructure;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace Governance.Gateway.Tests;

/// <summary>An outside client with no .proto at hand can check health, list every service and fetch its schema.</summary>
[Collection(DemoCityCollection.Name)]
public sealed class HealthAndReflectionTests(DemoCityHostFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task HealthCheck_RunningSilo_IsServing()
    {
        var health = new Health.HealthClient(Host.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Reflection_ListsEveryServiceAndDescribesIt()
    {
        var reflection = new ServerReflection.ServerReflectionClient(Host.Channel);
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Superset(
            new HashSet<string> { "governance.v1.IntakeService", "governance.v1.GridService", "governance.v1.CaseService", "governance.v1.EvaluationService", "governance.v1.RectificationService", "governance.v1.ProjectService",
                "governance.v1.PolicyService", "governance.v1.SurveyService", "grpc.health.v1.Health" },
            services.ToHashSet());

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "governance.v1.IntakeService" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto;
        Assert.NotEmpty(files);
        await call.RequestStream.CompleteAsync();
    }
}

using Governance.City.Map;
using Governance.Contracts.Risk;
using Governance.Contracts.V1;
using Governance.Gateway.Access;
using Governance.Gateway.Mapping;
using Governance.Gateway.Validation;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>RiskService: the model registry (register, list, promote, roll back) and scoring with the promoted model.</summary>
public sealed partial class RiskGrpcService(IGrainFactory grains, CityMap city, PeopleAccess people) : RiskService.RiskServiceBase
{
    private IRiskModelRegistryGrain Registry => grains.GetGrain<IRiskModelRegistryGrain>(0);

    public override async Task<ModelVersion> RegisterModel(IAsyncStreamReader<RegisterModelRequest> requestStream, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var first = await requestStream.MoveNext(context.CancellationToken) ? requestStream.Current : null;
        var upload = RiskRules.Upload(violations, first?.PartCase == RegisterModelRequest.PartOneofCase.Upload ? first.Upload : null, context.Caller().Subject);
        using var file = new MemoryStream();
        for (var message = 2; violations.IsEmpty && await requestStream.MoveNext(context.CancellationToken); message++)
        {
            var part = requestStream.Current;
            if (part.PartCase != RegisterModelRequest.PartOneofCase.Chunk)
            {
                violations.Add("chunk", $"message {message} is not a chunk of the file: only the first message carries the upload");
            }
            else if (part.Chunk.Length > RiskRules.ChunkMaxBytes)
            {
                violations.Add("chunk", $"message {message} holds {part.Chunk.Length:N0} bytes; a chunk holds at most {RiskRules.ChunkMaxBytes:N0}");
            }
            else if (file.Length + part.Chunk.Length > RiskRules.FileMaxBytes)
            {
                violations.Add("chunk", $"the file is larger than {RiskRules.FileMaxBytes / (1024 * 1024)} MiB");
            }
            else
            {
                part.Chunk.WriteTo(file);
            }
        }

        if (violations.IsEmpty && file.Length == 0)
        {
            violations.Add("chunk", "the file is empty: send it in chunks after the upload");
        }

        violations.ThrowIfAny();
        var outcome = await Registry.RegisterAsync(upload, file.ToArray());
        if (outcome.Model is null)
        {
            violations.Add("chunk", outcome.Reason);
            violations.ThrowIfAny();
        }

        // Registering never promotes: a new version is not the active one.
        return outcome.Model!.ToProto(activeVersion: 0);
    }

    public override async Task<ListModelsResponse> ListModels(ListModelsRequest request, ServerCallContext context)
    {
        var list = await Registry.ListAsync();
        return new ListModelsResponse { Models = { list.Models.Select(model => model.ToProto(list.ActiveVersion)) }, ActiveVersion = list.ActiveVersion };
    }

    public override async Task<ModelVersion> PromoteModel(PromoteModelRequest request, ServerCallContext context)
    {
        if (request.Version < 1)
        {
            var violations = new FieldViolations();
            violations.Add("version", "is required: a registered version (ListModels)");
            violations.ThrowIfAny();
        }

        var outcome = await Registry.PromoteAsync(request.Version, context.Caller().Subject);
        return outcome.Model?.ToProto(outcome.Model.Version)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"version: {outcome.Reason}"));
    }

    public override async Task<ModelVersion> RollbackModel(RollbackModelRequest request, ServerCallContext context)
    {
        var outcome = await Registry.RollbackAsync(context.Caller().Subject);
        return outcome.Model?.ToProto(outcome.Model.Version)
            ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Nothing to roll back to: {outcome.Reason}."));
    }
}

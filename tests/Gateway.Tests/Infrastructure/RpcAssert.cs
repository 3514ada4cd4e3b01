using Google.Rpc;
using Grpc.Core;

namespace Governance.Gateway.Tests.Infrastructure;

/// <summary>Assertions on gRPC failures.</summary>
public static class RpcAssert
{
    public static async Task<RpcException> FailsWith(StatusCode code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(code == ex.StatusCode, $"expected {code}, got {ex.StatusCode}: {ex.Status.Detail}");
        return ex;
    }

    /// <summary>INVALID_ARGUMENT whose google.rpc.BadRequest names <paramref name="field"/>.</summary>
    public static async Task<BadRequest.Types.FieldViolation> InvalidField(string field, Func<Task> call)
    {
        var ex = await FailsWith(StatusCode.InvalidArgument, call);
        var badRequest = ex.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        var violation = Assert.Single(badRequest.FieldViolations, v => v.Field == field);
        Assert.False(string.IsNullOrWhiteSpace(violation.Description));
        Assert.Contains(field, ex.Status.Detail, StringComparison.Ordinal);
        return violation;
    }
}

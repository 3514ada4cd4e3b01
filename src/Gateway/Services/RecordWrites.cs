using Governance.Contracts.Records;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>A refused write of a record as the status a client gets, naming the field and the reason.</summary>
internal static class RecordWrites
{
    public static void ThrowIfRefused(RecordWriteResult result)
    {
        var code = result.Outcome switch
        {
            RecordWriteOutcome.Written => StatusCode.OK,
            RecordWriteOutcome.AlreadyExists => StatusCode.AlreadyExists,
            RecordWriteOutcome.NotFound => StatusCode.NotFound,
            // A concurrent change won: the client reads again and redoes its change (AIP-154).
            RecordWriteOutcome.Stale => StatusCode.Aborted,
            _ => StatusCode.Internal,
        };
        if (code != StatusCode.OK)
        {
            throw new RpcException(new Status(code, $"{result.Field}: {result.Reason}"));
        }
    }
}

using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Governance.Intake.Pipeline;
using Grpc.Core;

namespace Governance.Gateway.Errors;

/// <summary>The statuses of intake failures, for a failed call and for a rejected ack in a stream alike.</summary>
public static class StreamErrors
{
    /// <summary>The status a call fails with for <paramref name="exception"/>, or null when it is not an intake failure.</summary>
    public static RpcException? TryTranslate(Exception exception) => exception switch
    {
        RpcException rpc => rpc,
        IntakeSaturatedException or IntakeUnavailableException => ToStatus(exception).ToRpcException(),
        InvalidProtocolBufferException bad => new RpcException(new Grpc.Core.Status(
            StatusCode.InvalidArgument, $"A message of the stream is not a valid ReportRequest: {bad.Message} The stream was ended; the reports before it were answered.")),
        _ => null,
    };

    /// <summary>Like <see cref="TryTranslate"/>, with anything else as INTERNAL.</summary>
    public static RpcException Translate(Exception exception) =>
        TryTranslate(exception) ?? new RpcException(new Grpc.Core.Status(StatusCode.Internal, "The stream failed; it has been logged."));

    /// <summary>The google.rpc.Status for a rejected report.</summary>
    public static Google.Rpc.Status ToStatus(Exception exception) => exception switch
    {
        RpcException rpc => rpc.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)rpc.StatusCode, Message = rpc.Status.Detail },
        IntakeSaturatedException saturated => new Google.Rpc.Status
        {
            Code = (int)Code.ResourceExhausted,
            Message = saturated.Message,
            Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(saturated.RetryAfter) }) },
        },
        IntakeUnavailableException unavailable => new Google.Rpc.Status { Code = (int)Code.Unavailable, Message = unavailable.Message },
        _ => new Google.Rpc.Status { Code = (int)Code.Internal, Message = "The report could not be handled; it has been logged." },
    };
}

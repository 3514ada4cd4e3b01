using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Governance.Gateway.Validation;

/// <summary>
/// Collects what is wrong with a request, field by field, and turns it into INVALID_ARGUMENT carrying a
/// google.rpc.BadRequest, so a client can point at the field.
/// </summary>
public sealed class FieldViolations
{
    private readonly List<BadRequest.Types.FieldViolation> _violations = [];

    public bool IsEmpty => _violations.Count == 0;

    /// <summary>How many violations were added so far.</summary>
    public int Count => _violations.Count;

    /// <summary>The first field at fault, or empty.</summary>
    public string FirstField => IsEmpty ? "" : _violations[0].Field;

    /// <summary>Every violation in words, "field: reason; field: reason".</summary>
    public string Summary => string.Join("; ", _violations.Select(v => $"{v.Field}: {v.Description}"));

    public void Add(string field, string reason) =>
        _violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = reason });

    /// <summary>Throws INVALID_ARGUMENT if anything was added.</summary>
    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw ToException();
        }
    }

    public RpcException ToException() => ToStatus().ToRpcException();

    /// <summary>INVALID_ARGUMENT with every violation, as a google.rpc.Status (a stream's rejected ack carries it).</summary>
    public Google.Rpc.Status ToStatus()
    {
        var message = Summary;
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(_violations);
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = message,
            Details = { Any.Pack(badRequest) },
        };
    }

    /// <summary>A single-field INVALID_ARGUMENT.</summary>
    public static RpcException ForField(string field, string reason)
    {
        var violations = new FieldViolations();
        violations.Add(field, reason);
        return violations.ToException();
    }
}

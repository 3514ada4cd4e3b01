using Google.Rpc;
using Governance.Cli.Conversion;
using Grpc.Core;

namespace Governance.Cli.Replay;

/// <summary>Reads the reasons out of a REJECTED ack's google.rpc.Status.</summary>
public static class AckErrors
{
    /// <summary>
    /// One violation per google.rpc.BadRequest field violation. A status without one (the store was unavailable, say)
    /// becomes a single violation whose field is the status code in brackets, so it still counts and shows.
    /// </summary>
    public static IReadOnlyList<FieldViolation> Violations(Google.Rpc.Status? error)
    {
        if (error is null)
        {
            return [new FieldViolation("(no error)", "the server rejected the report without saying why")];
        }

        var violations = error.Details
            .Where(any => any.Is(BadRequest.Descriptor))
            .SelectMany(any => any.Unpack<BadRequest>().FieldViolations)
            .Select(v => new FieldViolation(v.Field, v.Description))
            .ToList();
        return violations.Count > 0
            ? violations
            : [new FieldViolation($"({(StatusCode)error.Code})", error.Message)];
    }
}

using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Governance.Gateway.Errors;

/// <summary>
/// Keeps what a refusal sends back small. A refusal may quote the value it refuses; a value of 20,000 characters quoted
/// in grpc-message and again in grpc-status-details-bin overflowed the client's 64 KB limit on headers, and the client
/// then aborts the whole HTTP/2 connection, every other call on it too (found by the fuzz test). Quotes are cut here,
/// once for every RPC, rather than at each of the many places that word a refusal.
/// </summary>
internal static class StatusBounds
{
    /// <summary>Longest status message sent, in characters; longer ones end in "…".</summary>
    public const int MaxMessageLength = 1_000;

    /// <summary>Longest description of one field's violation, in characters.</summary>
    public const int MaxDescriptionLength = 200;

    /// <summary>Most field violations listed; a note says how many more there were.</summary>
    public const int MaxViolations = 20;

    private const string DetailsTrailer = "grpc-status-details-bin";

    public static bool Exceeded(RpcException ex)
    {
        var details = ex.Trailers.Get(DetailsTrailer);
        return ex.Status.Detail.Length > MaxMessageLength || (details is not null && details.ValueBytes.Length > MaxEncodedDetails);
    }

    /// <summary>The same refusal with its message, descriptions and list of violations cut to the bounds.</summary>
    public static RpcException Bound(RpcException ex)
    {
        if (ex.GetRpcStatus() is not { } status)
        {
            return new RpcException(new Grpc.Core.Status(ex.StatusCode, Cut(ex.Status.Detail, MaxMessageLength)), ex.Trailers);
        }

        var bounded = new Google.Rpc.Status { Code = status.Code, Message = Cut(status.Message, MaxMessageLength) };
        foreach (var detail in status.Details)
        {
            bounded.Details.Add(detail.TryUnpack<BadRequest>(out var badRequest) ? Any.Pack(Bound(badRequest)) : detail);
        }

        return bounded.ToRpcException();
    }

    // Descriptions at their longest, all of them, with room for the field names.
    private static int MaxEncodedDetails => MaxMessageLength * 3 + MaxViolations * (MaxDescriptionLength * 3 + 200);

    private static BadRequest Bound(BadRequest badRequest)
    {
        var bounded = new BadRequest();
        foreach (var violation in badRequest.FieldViolations.Take(MaxViolations))
        {
            bounded.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = Cut(violation.Field, MaxDescriptionLength),
                Description = Cut(violation.Description, MaxDescriptionLength),
            });
        }

        if (badRequest.FieldViolations.Count > MaxViolations)
        {
            bounded.FieldViolations[^1].Description += $" (and {badRequest.FieldViolations.Count - MaxViolations} more violations not listed)";
        }

        return bounded;
    }

    /// <summary>The text, or its first characters and "…" when longer than <paramref name="max"/>; never half a surrogate pair.</summary>
    public static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Concat(text.AsSpan(0, end), "…");
    }
}

using Governance.Cli.Conversion;

namespace Governance.Cli.Replay;

/// <summary>One reason one row was not taken, and who refused it.</summary>
/// <param name="LineNumber">The 1-based line of the CSV where the row starts.</param>
/// <param name="ExternalId">The row's external id, empty when it could not be made.</param>
/// <param name="RejectedBy"><see cref="ByReplay"/> or <see cref="ByServer"/>.</param>
/// <param name="Violation">The field and the reason.</param>
public sealed record Rejection(long LineNumber, string ExternalId, string RejectedBy, FieldViolation Violation)
{
    /// <summary>The tool could not turn the row into a report, so it was not sent.</summary>
    public const string ByReplay = "replay";

    /// <summary>The server answered the report with REJECTED.</summary>
    public const string ByServer = "server";
}

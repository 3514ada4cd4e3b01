namespace Governance.Cli.Conversion;

/// <summary>Why one field of a report could not be made (by this tool) or was refused (by the server).</summary>
/// <param name="Field">The ReportRequest field as the contract names it (e.g. "point.latitude"), or "row".</param>
/// <param name="Reason">What is wrong, without the offending value, so that rows with the same problem count together.</param>
/// <param name="Value">The offending value, when there is one to show.</param>
public sealed record FieldViolation(string Field, string Reason, string? Value = null)
{
    /// <summary>The reason with the value in front: "'abc' is not a number".</summary>
    public string Text => Value is null ? Reason : $"'{Value}' {Reason}";
}

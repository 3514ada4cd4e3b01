namespace Governance.Cli.Csv;

/// <summary>One record of a CSV file: its fields, and the 1-based line of the file where it starts.</summary>
/// <remarks>A quoted field may hold line breaks, so a record can span several lines; the start line is the one a
/// person finds the row at in an editor.</remarks>
public sealed record CsvRecord(long LineNumber, IReadOnlyList<string> Fields);

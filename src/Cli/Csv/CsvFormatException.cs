namespace Governance.Cli.Csv;

/// <summary>The input is not CSV the reader can make sense of (a quoted field that is never closed).</summary>
public sealed class CsvFormatException : Exception
{
    public CsvFormatException(long lineNumber, string message)
        : base($"line {lineNumber}: {message}")
    {
        LineNumber = lineNumber;
    }

    /// <summary>The 1-based line where the broken part starts.</summary>
    public long LineNumber { get; }
}

namespace Governance.Cli.Csv;

/// <summary>Writes RFC 4180 CSV: a field is quoted only when it holds the delimiter, a quote or a line break.</summary>
public sealed class CsvWriter(TextWriter writer, char delimiter = ',')
{
    private readonly char[] _mustQuote = [delimiter, '"', '\r', '\n'];

    /// <summary>Writes one record, ended by CRLF as the RFC asks.</summary>
    public async Task WriteRecordAsync(IReadOnlyList<string> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                await writer.WriteAsync(delimiter);
            }

            await writer.WriteAsync(Escape(fields[i]).AsMemory(), cancellationToken);
        }

        await writer.WriteAsync("\r\n".AsMemory(), cancellationToken);
    }

    private string Escape(string field) =>
        field.AsSpan().IndexOfAny(_mustQuote) < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

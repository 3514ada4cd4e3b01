using Governance.Cli.Csv;

namespace Governance.Cli.Tests.Infrastructure;

/// <summary>Reads CSV text to the end, with a chosen buffer size so that every split of the input is exercised.</summary>
public static class CsvText
{
    public static async Task<List<CsvRecord>> ReadAllAsync(string text, int bufferSize = 64 * 1024, char delimiter = ',')
    {
        var reader = new CsvReader(new StringReader(text), delimiter, bufferSize);
        var records = new List<CsvRecord>();
        while (await reader.ReadAsync() is { } record)
        {
            records.Add(record);
        }

        return records;
    }
}

using Governance.Cli.Csv;
using Governance.Cli.Tests.Infrastructure;

namespace Governance.Cli.Tests.Csv;

public sealed class CsvWriterTests
{
    [Fact]
    public async Task Write_FieldsNeedingQuotes_AreQuotedAndReadBackTheSame()
    {
        string[] fields = ["plain", "a,b", "say \"hi\"", "two\nlines", "", "ends\r\n"];
        var text = new StringWriter();

        await new CsvWriter(text).WriteRecordAsync(fields);

        Assert.StartsWith("plain,\"a,b\",\"say \"\"hi\"\"\",", text.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text.ToString(), StringComparison.Ordinal);
        Assert.Equal(fields, Assert.Single(await CsvText.ReadAllAsync(text.ToString())).Fields);
    }
}

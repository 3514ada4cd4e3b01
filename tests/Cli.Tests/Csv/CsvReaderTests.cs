using Governance.Cli.Csv;
using Governance.Cli.Tests.Infrastructure;

namespace Governance.Cli.Tests.Csv;

public sealed class CsvReaderTests
{
    // 1 and 2 put every character, and so every quote, line break and delimiter, on a buffer boundary.
    public static TheoryData<int> BufferSizes => [1, 2, 3, 7, 64 * 1024];

    [Theory]
    [MemberData(nameof(BufferSizes))]
    public async Task Read_PlainRecords_SplitsFieldsAndNumbersLines(int bufferSize)
    {
        var records = await CsvText.ReadAllAsync("id,name,city\n1,Ada,Boston\n2,Bo,Wuhan\n", bufferSize);

        Assert.Equal(3, records.Count);
        Assert.Equal(["id", "name", "city"], records[0].Fields);
        Assert.Equal(["2", "Bo", "Wuhan"], records[2].Fields);
        Assert.Equal([1L, 2L, 3L], records.Select(r => r.LineNumber));
    }

    [Theory]
    [MemberData(nameof(BufferSizes))]
    public async Task Read_QuotedFields_KeepDelimitersAndUndoubleQuotes(int bufferSize)
    {
        var records = await CsvText.ReadAllAsync("\"a,b\",\"he said \"\"hi\"\"\",\"\",\"\"\"\"\n", bufferSize);

        Assert.Equal(["a,b", "he said \"hi\"", "", "\""], Assert.Single(records).Fields);
    }

    [Theory]
    [MemberData(nameof(BufferSizes))]
    public async Task Read_LineBreaksInsideQuotes_StayInTheFieldAndCountAsLines(int bufferSize)
    {
        var records = await CsvText.ReadAllAsync("id,text\n1,\"first\nsecond\r\nthird\"\n2,after\n", bufferSize);

        Assert.Equal(3, records.Count);
        Assert.Equal("first\nsecond\r\nthird", records[1].Fields[1]);
        Assert.Equal(2, records[1].LineNumber);
        Assert.Equal(5, records[2].LineNumber);
        Assert.Equal(["2", "after"], records[2].Fields);
    }

    [Theory]
    [MemberData(nameof(BufferSizes))]
    public async Task Read_CrLfAndLoneCr_EndRecordsWithoutLeavingCarriageReturns(int bufferSize)
    {
        var records = await CsvText.ReadAllAsync("a,b\r\n1,2\r3,4\r\n", bufferSize);

        Assert.Equal([["a", "b"], ["1", "2"], ["3", "4"]], records.Select(r => r.Fields));
        Assert.Equal([1L, 2L, 3L], records.Select(r => r.LineNumber));
    }

    [Theory]
    [MemberData(nameof(BufferSizes))]
    public async Task Read_ByteOrderMark_IsNotPartOfTheFirstColumnName(int bufferSize)
    {
        var records = await CsvText.ReadAllAsync("\uFEFFcase_id,type\n7,pothole", bufferSize);

        Assert.Equal("case_id", records[0].Fields[0]);
    }

    [Fact]
    public async Task Read_ByteOrderMarkInUtf8Bytes_IsNotPartOfTheFirstColumnName()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("case_id,type\n7,x\n"u8.ToArray()).ToArray();
        using var text = new StreamReader(new MemoryStream(bytes));
        var record = await new CsvReader(text).ReadAsync();

        Assert.Equal(["case_id", "type"], record!.Fields);
    }

    [Theory]
    [MemberData(nameof(BufferSizes))]
    public async Task Read_EmptyFieldsAndNoFinalLineBreak_AreKept(int bufferSize)
    {
        var records = await CsvText.ReadAllAsync(",,\nx,,\n,,last", bufferSize);

        Assert.Equal([["", "", ""], ["x", "", ""], ["", "", "last"]], records.Select(r => r.Fields));
    }

    [Fact]
    public async Task Read_BlankLinesBetweenRecords_AreSkippedButCounted()
    {
        var records = await CsvText.ReadAllAsync("a\n\n\r\nb\n\n");

        Assert.Equal([["a"], ["b"]], records.Select(r => r.Fields));
        Assert.Equal([1L, 4L], records.Select(r => r.LineNumber));
    }

    [Fact]
    public async Task Read_TextAfterAClosingQuote_IsKeptAsWritten()
    {
        var records = await CsvText.ReadAllAsync("\"12\" inch,5'1\"\n");

        Assert.Equal(["12 inch", "5'1\""], Assert.Single(records).Fields);
    }

    [Theory]
    [MemberData(nameof(BufferSizes))]
    public async Task Read_QuoteNeverClosed_FailsNamingTheLineItOpenedOn(int bufferSize)
    {
        var reader = new CsvReader(new StringReader("id,text\n1,ok\n2,\"open\nand on\n"), bufferSize: bufferSize);
        await reader.ReadAsync();
        await reader.ReadAsync();

        var failure = await Assert.ThrowsAsync<CsvFormatException>(async () => await reader.ReadAsync());
        Assert.Equal(3, failure.LineNumber);
        Assert.StartsWith("line 3:", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_OtherDelimiter_SplitsOnItOnly()
    {
        var records = await CsvText.ReadAllAsync("a;b,c;\"d;e\"\n", delimiter: ';');

        Assert.Equal(["a", "b,c", "d;e"], Assert.Single(records).Fields);
    }

    [Fact]
    public async Task Read_EmptyInput_HasNoRecords()
    {
        Assert.Empty(await CsvText.ReadAllAsync(string.Empty));
        Assert.Empty(await CsvText.ReadAllAsync("\n\r\n"));
    }

    [Fact]
    public async Task Read_BostonExport_GivesEveryRowAllColumns()
    {
        using var text = File.OpenText(TestFiles.Boston311);
        var reader = new CsvReader(text);
        var header = await reader.ReadAsync();
        var rows = new List<CsvRecord>();
        while (await reader.ReadAsync() is { } record)
        {
            rows.Add(record);
        }

        Assert.Equal(31, header!.Fields.Count);
        Assert.Equal("case_enquiry_id", header.Fields[1]);
        Assert.Equal(2424, rows.Count);
        Assert.All(rows, r => Assert.Equal(31, r.Fields.Count));
        Assert.Equal(2425, rows[^1].LineNumber);
    }
}

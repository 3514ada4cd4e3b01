using System.Text;
using Governance.Cli.Conversion;
using Governance.Cli.Csv;
using Governance.Cli.Mapping;

namespace Governance.Cli.Replay;

/// <summary>
/// The CSV file read through its mapping: opened, its header checked against the mapping before anything is sent,
/// then one mapped row at a time.
/// </summary>
public sealed class ReplaySource : IAsyncDisposable
{
    private readonly FileStream _file;
    private readonly StreamReader _text;
    private readonly CsvReader _csv;
    private readonly RowMapper _mapper;

    private ReplaySource(FileStream file, StreamReader text, CsvReader csv, RowMapper mapper)
    {
        _file = file;
        _text = text;
        _csv = csv;
        _mapper = mapper;
    }

    /// <summary>How far through the file the reader is, by bytes (the reader's buffers run a little ahead).</summary>
    public double FractionRead => _file.Length == 0 ? 1 : Math.Min(1, (double)_file.Position / _file.Length);

    /// <summary>Opens <paramref name="csvPath"/> and compiles <paramref name="mappingPath"/> against its header.</summary>
    /// <exception cref="MappingException">The mapping cannot be read, or names columns the CSV lacks.</exception>
    /// <exception cref="CsvFormatException">The file has no header row, or the header itself is broken.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static async Task<ReplaySource> OpenAsync(string csvPath, string mappingPath, CancellationToken cancellationToken = default)
    {
        var mapping = await MappingFile.LoadAsync(mappingPath, cancellationToken);
        if (mapping.Delimiter.Length != 1)
        {
            throw new MappingException($"{mappingPath}: 'delimiter' must be one character, not '{mapping.Delimiter}'.");
        }

        var file = new FileStream(csvPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, useAsync: true);
        try
        {
            var text = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var csv = new CsvReader(text, mapping.Delimiter[0]);
            var header = await csv.ReadAsync(cancellationToken)
                ?? throw new CsvFormatException(1, "the file is empty: a header row naming the columns is expected");
            var mapper = RowMapper.Create(mapping, new CsvHeader(header.Fields), Path.GetFileName(mappingPath));
            return new ReplaySource(file, text, csv, mapper);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>The next row, mapped; null at the end of the file.</summary>
    /// <exception cref="CsvFormatException">The rest of the file is not CSV (a quote never closed).</exception>
    public async ValueTask<MappedRow?> NextAsync(CancellationToken cancellationToken = default)
    {
        var record = await _csv.ReadAsync(cancellationToken);
        return record is null ? null : _mapper.Map(record);
    }

    public async ValueTask DisposeAsync()
    {
        _text.Dispose();
        await _file.DisposeAsync();
    }
}

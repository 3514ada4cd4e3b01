using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Governance.Cli.Csv;

namespace Governance.Cli.Replay;

/// <summary>
/// The --rejects file: one CSV line per reason a row was not taken (line, external_id, rejected_by, field, reason).
/// Rows are written as they are rejected, by one writer fed from every stream, so a long replay's rejections never
/// pile up in memory.
/// </summary>
public sealed class RejectsFile : IAsyncDisposable
{
    private static readonly string[] Columns = ["line", "external_id", "rejected_by", "field", "reason"];

    private readonly StreamWriter _text;
    private readonly Channel<Rejection> _queue = Channel.CreateUnbounded<Rejection>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writing;
    private long _count;

    private RejectsFile(StreamWriter text)
    {
        _text = text;
        _writing = WriteAllAsync();
    }

    public string Path { get; private init; } = string.Empty;

    /// <summary>How many rejections were handed in.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Creates (or replaces) the file.</summary>
    /// <exception cref="IOException">It cannot be created.</exception>
    public static RejectsFile Create(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // UTF-8 without a byte-order mark: the file is for scripts as much as for spreadsheets.
        return new RejectsFile(new StreamWriter(path, append: false, new UTF8Encoding(false))) { Path = path };
    }

    public void Add(Rejection rejection)
    {
        Interlocked.Increment(ref _count);
        _queue.Writer.TryWrite(rejection);
    }

    /// <summary>Writes what is queued and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _writing;
        }
        finally
        {
            await _text.DisposeAsync();
        }
    }

    private async Task WriteAllAsync()
    {
        var csv = new CsvWriter(_text);
        await csv.WriteRecordAsync(Columns);
        await foreach (var rejection in _queue.Reader.ReadAllAsync())
        {
            await csv.WriteRecordAsync(
            [
                rejection.LineNumber.ToString(CultureInfo.InvariantCulture),
                rejection.ExternalId,
                rejection.RejectedBy,
                rejection.Violation.Field,
                rejection.Violation.Text,
            ]);
        }
    }
}

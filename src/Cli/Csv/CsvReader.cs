using System.Buffers;
using System.Text;

namespace Governance.Cli.Csv;

/// <summary>
/// Reads RFC 4180 CSV as a stream of records, never holding more than one record and one buffer in memory, so a
/// file of millions of rows replays in constant memory. Quoted fields may contain the delimiter, doubled quotes
/// and line breaks; records end with CRLF, LF or a lone CR; a leading byte-order mark is skipped.
/// </summary>
/// <remarks>
/// Deliberately lenient where real exports break the RFC and the intent is still clear: a quote inside an unquoted
/// field, or text after a closing quote, is kept as written; empty lines between records are skipped. Only a quoted
/// field left open at the end of the input is an error, since it would swallow the rest of the file silently.
/// </remarks>
public sealed class CsvReader
{
    private const int EndOfInput = -1;
    private const char Quote = '"';
    private const char ByteOrderMark = '\uFEFF';

    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly SearchValues<char> _unquotedStops;
    private readonly SearchValues<char> _quotedStops;
    private readonly char[] _buffer;
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private bool _inputEnded;
    private bool _started;
    private long _line = 1;

    /// <summary>Reads from <paramref name="reader"/>, which the caller keeps and disposes.</summary>
    public CsvReader(TextReader reader, char delimiter = ',', int bufferSize = 64 * 1024)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (delimiter is Quote or '\r' or '\n')
        {
            throw new ArgumentException("A quote or a line break cannot be the delimiter.", nameof(delimiter));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 1);
        _reader = reader;
        _delimiter = delimiter;
        _unquotedStops = SearchValues.Create([delimiter, '\r', '\n']);
        _quotedStops = SearchValues.Create([Quote, '\r', '\n']);
        _buffer = new char[bufferSize];
    }

    /// <summary>The next record, or null at the end of the input.</summary>
    /// <exception cref="CsvFormatException">A quoted field is not closed before the end of the input.</exception>
    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (!_started)
        {
            _started = true;
            if (await PeekAsync(cancellationToken) == ByteOrderMark)
            {
                _position++;
            }
        }

        while (await PeekAsync(cancellationToken) is '\r' or '\n')
        {
            await ConsumeLineBreakAsync(cancellationToken);
        }

        if (await PeekAsync(cancellationToken) == EndOfInput)
        {
            return null;
        }

        var startLine = _line;
        var fields = new List<string>();
        while (true)
        {
            fields.Add(await ReadFieldAsync(cancellationToken));
            var next = await PeekAsync(cancellationToken);
            if (next == _delimiter)
            {
                _position++;
                continue;
            }

            if (next != EndOfInput)
            {
                await ConsumeLineBreakAsync(cancellationToken);
            }

            return new CsvRecord(startLine, fields);
        }
    }

    /// <summary>Reads one field and stops in front of the delimiter, line break or end that follows it.</summary>
    private async ValueTask<string> ReadFieldAsync(CancellationToken cancellationToken)
    {
        _field.Clear();
        if (await PeekAsync(cancellationToken) == Quote)
        {
            _position++;
            await ReadQuotedAsync(cancellationToken);
        }

        // An unquoted field, or whatever stray text follows a closing quote.
        while (await PeekAsync(cancellationToken) != EndOfInput)
        {
            var available = _buffer.AsSpan(_position, _length - _position);
            var stop = available.IndexOfAny(_unquotedStops);
            if (stop < 0)
            {
                _field.Append(available);
                _position = _length;
                continue;
            }

            _field.Append(available[..stop]);
            _position += stop;
            break;
        }

        return _field.ToString();
    }

    private async ValueTask ReadQuotedAsync(CancellationToken cancellationToken)
    {
        var openedOnLine = _line;
        while (true)
        {
            if (await PeekAsync(cancellationToken) == EndOfInput)
            {
                throw new CsvFormatException(openedOnLine, "a quoted field is not closed before the end of the file");
            }

            var available = _buffer.AsSpan(_position, _length - _position);
            var stop = available.IndexOfAny(_quotedStops);
            if (stop < 0)
            {
                _field.Append(available);
                _position = _length;
                continue;
            }

            _field.Append(available[..stop]);
            _position += stop;
            var special = _buffer[_position];
            if (special == Quote)
            {
                _position++;
                if (await PeekAsync(cancellationToken) != Quote)
                {
                    return;
                }

                _field.Append(Quote);
                _position++;
            }
            else
            {
                // A line break inside quotes is part of the value, and still a new line of the file.
                await ConsumeLineBreakAsync(cancellationToken, keepIn: _field);
            }
        }
    }

    /// <summary>Consumes CRLF, LF or a lone CR as one line break, optionally appending it to <paramref name="keepIn"/>.</summary>
    private async ValueTask ConsumeLineBreakAsync(CancellationToken cancellationToken, StringBuilder? keepIn = null)
    {
        var first = _buffer[_position++];
        keepIn?.Append(first);
        if (first == '\r' && await PeekAsync(cancellationToken) == '\n')
        {
            _position++;
            keepIn?.Append('\n');
        }

        _line++;
    }

    private async ValueTask<int> PeekAsync(CancellationToken cancellationToken)
    {
        if (_position < _length)
        {
            return _buffer[_position];
        }

        if (_inputEnded)
        {
            return EndOfInput;
        }

        _length = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
        _position = 0;
        if (_length == 0)
        {
            _inputEnded = true;
            return EndOfInput;
        }

        return _buffer[0];
    }
}

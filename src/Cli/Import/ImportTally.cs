using Governance.Contracts.V1;

namespace Governance.Cli.Import;

/// <summary>What an import made of a file so far: counts by outcome, and the rejected lines (the first ones kept in full).</summary>
public sealed class ImportTally
{
    /// <summary>Rejected lines kept for the closing summary; the rejects file has them all.</summary>
    public const int KeptRejections = 20;

    private readonly List<ImportRejection> _rejections = [];
    private long _read;
    private long _sent;
    private long _created;
    private long _unchanged;
    private long _rejected;

    public long Read => Interlocked.Read(ref _read);

    public long Sent => Interlocked.Read(ref _sent);

    public long Created => Interlocked.Read(ref _created);

    public long Unchanged => Interlocked.Read(ref _unchanged);

    public long Rejected => Interlocked.Read(ref _rejected);

    public long RejectedHere { get; private set; }

    public IReadOnlyList<ImportRejection> Rejections
    {
        get
        {
            lock (_rejections)
            {
                return [.. _rejections];
            }
        }
    }

    public void LineRead() => Interlocked.Increment(ref _read);

    public void RecordSent() => Interlocked.Increment(ref _sent);

    public void RejectedLocally(ImportRejection rejection)
    {
        RejectedHere++;
        Reject(rejection);
    }

    public void Answer(ImportPeopleResponse answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        switch (answer.Outcome)
        {
            case ImportOutcome.Created:
                Interlocked.Increment(ref _created);
                break;
            case ImportOutcome.Unchanged:
                Interlocked.Increment(ref _unchanged);
                break;
            default:
                Reject(new ImportRejection(answer.Line, answer.Id, "server", answer.Field, answer.Reason));
                break;
        }
    }

    private void Reject(ImportRejection rejection)
    {
        Interlocked.Increment(ref _rejected);
        lock (_rejections)
        {
            if (_rejections.Count < KeptRejections)
            {
                _rejections.Add(rejection);
            }
        }
    }
}

/// <summary>A line that was not imported: where, which record, who refused it (here or the server), the field and why.</summary>
public sealed record ImportRejection(long Line, string Id, string RejectedBy, string Field, string Reason);

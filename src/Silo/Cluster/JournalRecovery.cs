using Governance.Grains.Watches;
using Governance.Intake.Pipeline;
using Governance.Silo.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Governance.Silo.Cluster;

/// <summary>
/// Cluster mode: what a silo or a standalone gateway acknowledged survives it. Each silo owns its own intake journal
/// (<see cref="ClaimOwnAsync"/>, before intake starts), each standalone gateway its own by a lease (JournalLease);
/// every few seconds every silo looks for journals whose owner is dead in its view of the cluster or whose lease ran
/// out, takes one by compare-and-set, replays it into the grains, checkpoints it, and drops its row. Grains that the dead silo held for journals still being written are seen to by their own pipelines, which
/// replay when a cell they fed turns out to be a new activation (CellDispatcher).
/// </summary>
internal sealed partial class JournalRecovery(
    JournalOwners owners,
    StorageOptions storage,
    IntakeOptions intake,
    IntakePipeline pipeline,
    IGrainFactory grains,
    IClusterMembershipService membership,
    ILocalSiloDetails local,
    TimeProvider time,
    ILoggerFactory loggers) : IWatch
{
    // How long a silo starting waits for the live silo that owns its journal name to go, before refusing to start.
    private static readonly TimeSpan OwnerGoneTimeout = TimeSpan.FromMinutes(2);

    private readonly ILogger _logger = loggers.CreateLogger<JournalRecovery>();

    // Silos seen dead so far; null until the first check, when those already dead are covered by the start's replay.
    private HashSet<SiloAddress>? _seenDead;

    public string Does => "replayed intake journals of dead silos";

    public TimeSpan Every => TimeSpan.FromSeconds(2);

    private string Me => local.SiloAddress.ToParsableString();

    /// <summary>
    /// Makes this silo the owner of its journal. A journal written by another live silo is waited for (a restart can
    /// come before the cluster has declared the old process dead), then refused: two writers would collide.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another silo still alive writes the journal of this name.</exception>
    public async Task ClaimOwnAsync(CancellationToken cancellationToken)
    {
        var since = time.GetTimestamp();
        while ((await owners.ListAsync(cancellationToken)).FirstOrDefault(o => o.Journal == intake.JournalName) is { } owner
            && owner.Silo != Me && !IsGone(owner, unknownIsGone: true))
        {
            if (time.GetElapsedTime(since) > OwnerGoneTimeout)
            {
                throw new InvalidOperationException(
                    $"Intake:JournalName '{intake.JournalName}' is written by {owner.Silo}, alive in the cluster: give every silo and gateway its own journal name.");
            }

            LogWaitingForOwner(_logger, intake.JournalName, owner.Silo);
            await Task.Delay(Every, time, cancellationToken);
        }

        await owners.ClaimAsync(intake.JournalName, Me, cancellationToken);
    }

    public async Task<int> CheckAsync(CancellationToken cancellationToken = default)
    {
        ReplayOwnIfASiloDied();
        var recovered = 0;
        foreach (var owner in await owners.ListAsync(cancellationToken))
        {
            // A journal this silo took and did not finish (a replay failed) is tried again.
            var orphan = owner.Journal != intake.JournalName && (owner.Silo == Me || IsGone(owner, unknownIsGone: false));
            if (!orphan || (owner.Silo != Me && !await owners.TakeOverAsync(owner.Journal, owner.Silo, Me, cancellationToken)))
            {
                continue;
            }

            LogTakingOver(_logger, owner.Journal, owner.Silo);
            if (await RecoverAsync(owner.Journal, cancellationToken))
            {
                recovered++;
            }
        }

        return recovered;
    }

    /// <summary>
    /// Replays and checkpoints a journal this silo holds, then drops its row. A journal that fails stays this silo's, to
    /// be tried at the next check, and does not hold up the others: their reports were acknowledged too.
    /// </summary>
    private async Task<bool> RecoverAsync(string journal, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            await using (var recovering = new IntakePipeline(
                new SqlIntakeJournal(storage, journal), grains, Options.Create(intake), time, loggers.CreateLogger<IntakePipeline>()))
            {
                var replayed = await recovering.RecoverAsync(cancellationToken);
                LogRecovered(_logger, journal, replayed, (long)time.GetElapsedTime(started).TotalMilliseconds);
            }

            await owners.ReleaseAsync(journal, Me, cancellationToken);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogRecoveryFailed(_logger, journal, ex);
            return false;
        }
    }

    /// <summary>
    /// A silo that died may have held cells fed from this silo's journal, with reports they took and had not stored:
    /// the journal after its checkpoint is replayed. (A cell fed again, or flushed, would show it too, by its
    /// activation; this does not wait for that.)
    /// </summary>
    private void ReplayOwnIfASiloDied()
    {
        var dead = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead).Select(m => m.SiloAddress).ToHashSet();
        if (_seenDead is not null && dead.Any(silo => !_seenDead.Contains(silo)))
        {
            LogSiloDied(_logger, string.Join(", ", dead.Except(_seenDead)));
            pipeline.ReplayUncheckpointed();
        }

        _seenDead = dead;
    }

    /// <summary>A standalone gateway is gone once its lease has run out; a silo, as <see cref="IsGone(SiloAddress, bool)"/> says.</summary>
    private bool IsGone(JournalOwner owner, bool unknownIsGone) =>
        owner.Leased ? owner.LeaseExpired : IsGone(SiloAddress.FromParsableString(owner.Silo), unknownIsGone);

    /// <summary>
    /// Dead in this silo's view of the cluster, or an earlier process on the endpoint of a silo now a member: a silo
    /// restarted on its own address replaces its predecessor before the cluster has declared that one dead. A silo the
    /// view does not know is either one that joined a moment ago (its journal is not to be taken) or one whose row was
    /// cleaned up long ago (its name is free to claim): <paramref name="unknownIsGone"/> says which the caller fears.
    /// </summary>
    private bool IsGone(SiloAddress silo, bool unknownIsGone)
    {
        var snapshot = membership.CurrentSnapshot;
        return snapshot.GetSiloStatus(silo) switch
        {
            SiloStatus.Dead => true,
            SiloStatus.None when unknownIsGone => true,
            _ => snapshot.Members.Keys.Any(member => member.Endpoint.Equals(silo.Endpoint) && member.Generation > silo.Generation),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Intake journal {Journal} is owned by {Silo}, still alive in this silo's view; waiting for it to go")]
    private static partial void LogWaitingForOwner(ILogger logger, string journal, string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silos} died; replaying this silo's journal after its checkpoint")]
    private static partial void LogSiloDied(ILogger logger, string silos);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Taking over intake journal {Journal} from {Silo}, which is dead (a silo) or let its lease run out (a gateway)")]
    private static partial void LogTakingOver(ILogger logger, string journal, string silo);

    [LoggerMessage(Level = LogLevel.Error, Message = "Intake journal {Journal} could not be replayed; this silo keeps it and tries again at the next check")]
    private static partial void LogRecoveryFailed(ILogger logger, string journal, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Intake journal {Journal} replayed ({Replayed} reports) and checkpointed in {Milliseconds} ms")]
    private static partial void LogRecovered(ILogger logger, string journal, int replayed, long milliseconds);
}

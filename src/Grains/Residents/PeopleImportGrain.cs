using System.Collections.Immutable;
using Governance.Contracts.Residents;
using Governance.Grains.Clock;
using Governance.Grains.Storage;
using Orleans.Concurrency;

namespace Governance.Grains.Residents;

/// <summary>
/// Imports batches of households and residents as register seeds, the way the demo city's population is loaded: a
/// million files cost transactions of rows, not a million grain writes. A record on file is never overwritten: the
/// import refuses other values for it. A household's members are the residents the index lists in it.
/// </summary>
[StatelessWorker]
public sealed class PeopleImportGrain(IPeopleIndex index, CityClock time) : Grain, IPeopleImportGrain
{
    public async Task<ImmutableArray<ImportResult>> ImportAsync(PeopleImportBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return [.. await index.ImportAsync(batch, time.GetUtcNow())];
    }
}

using System.Collections.Immutable;
using Governance.City.Geometry;
using Governance.City.Map;
using Governance.Contracts.Cases;
using Governance.Contracts.Merging;
using Governance.Grains.Storage;

namespace Governance.Grains.Merging;

/// <summary>
/// The duplicate index of one zone. Cases are bucketed by grid square, so a query looks only at the squares its
/// circle reaches. Cases whose window has passed (measured against the newest report seen) are dropped. The zone stores
/// nothing itself: a case it registers is opened by the asking cell, which stores it as an open case row with this
/// registration (<see cref="IOpenCaseStore"/>), and an activation builds the index from those rows. A registration whose
/// row was not saved before a crash (its report lies after the checkpoint) is made again when the journal is replayed;
/// if reports were merged into that case meanwhile, its report registers it whatever lies near (<see cref="MergeQuery.MustOpen"/>).
/// </summary>
public sealed class MergeZoneGrain(
    [PersistentState("merge-zone", StoreNames.Live)] IPersistentState<MergeZoneState> legacy,
    IOpenCaseStore openCases,
    CityMap city) : Grain, IMergeZoneGrain
{
    // Expired cases are swept after this many registrations, not on every one.
    private const int SweepEvery = 1_000;

    private readonly Dictionary<string, ZoneCase> _cases = new(StringComparer.Ordinal);

    // Category, then grid square: a query scans only its own category in the squares its circle reaches.
    private readonly Dictionary<string, Dictionary<(int Column, int Row), List<ZoneCase>>> _index = new(StringComparer.Ordinal);
    private DateTimeOffset _newestReport = DateTimeOffset.MinValue;
    private int _registeredSinceSweep;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var row in await openCases.ListMergeableAsync(this.GetPrimaryKeyString(), cancellationToken))
        {
            if (!CaseLifecycle.IsOpen(row.Header.Status))
            {
                continue;
            }

            Add(new ZoneCase(row.CaseId, row.CellId, row.Header.Category, row.Header.Location, row.Header.FirstReportedAt, row.Merging!.Until));
        }

        foreach (var open in legacy.State.Cases.Values)
        {
            if (!_cases.ContainsKey(open.CaseId))
            {
                Add(open);
            }
        }
    }

    public Task<ImmutableArray<MergeCandidate?>> FindOrRegisterAsync(ImmutableArray<MergeQuery> queries)
    {
        var answers = ImmutableArray.CreateBuilder<MergeCandidate?>(queries.Length);
        foreach (var query in queries)
        {
            Observe(query.ReportedAt);
            if (_cases.ContainsKey(query.CaseId))
            {
                answers.Add(null);
                continue;
            }

            if (query.MustOpen)
            {
                Register(query);
                answers.Add(null);
                continue;
            }

            var best = Nearer(Nearest(query), query.ElsewhereBest);
            if (best is null)
            {
                Register(query);
            }

            answers.Add(best);
        }

        SweepIfDue();
        return Task.FromResult(answers.MoveToImmutable());
    }

    public Task<ImmutableArray<MergeCandidate?>> FindAsync(ImmutableArray<MergeQuery> queries) =>
        Task.FromResult(queries.Select(Nearest).ToImmutableArray());

    private MergeCandidate? Nearest(MergeQuery query)
    {
        var point = new GeoPoint(query.Point.Latitude, query.Point.Longitude);
        var p = city.Projection.Project(point);
        var size = city.CellSizeMeters;
        MergeCandidate? best = null;
        if (!_index.TryGetValue(query.Category, out var bySquare))
        {
            return null;
        }

        for (var column = (int)Math.Floor((p.X - query.MaxMeters) / size); column <= (int)Math.Floor((p.X + query.MaxMeters) / size); column++)
        {
            for (var row = (int)Math.Floor((p.Y - query.MaxMeters) / size); row <= (int)Math.Floor((p.Y + query.MaxMeters) / size); row++)
            {
                if (!bySquare.TryGetValue((column, row), out var cases))
                {
                    continue;
                }

                foreach (var open in cases)
                {
                    if (open.CaseId == query.CaseId
                        || (open.FirstReportedAt - query.ReportedAt).Duration() > query.Window)
                    {
                        continue;
                    }

                    var distance = city.DistanceMeters(point, new GeoPoint(open.Location.Latitude, open.Location.Longitude));
                    if (distance <= query.MaxMeters && (best is null || distance < best.DistanceMeters))
                    {
                        best = new MergeCandidate(open.CaseId, distance, open.CellId);
                    }
                }
            }
        }

        return best;
    }

    private static MergeCandidate? Nearer(MergeCandidate? here, MergeCandidate? elsewhere) =>
        here is null ? elsewhere : elsewhere is null || here.DistanceMeters <= elsewhere.DistanceMeters ? here : elsewhere;

    public Task ForgetAsync(string caseId)
    {
        if (_cases.Remove(caseId, out var closed))
        {
            _index[closed.Category][SquareOf(closed)].Remove(closed);
        }

        return Task.CompletedTask;
    }

    private void Register(MergeQuery query)
    {
        // The asking cell stores the same registration with the case's row (GridCellGrain.DecideMergesAsync).
        Add(new ZoneCase(query.CaseId, query.CellId, query.Category, query.Point, query.ReportedAt, query.ReportedAt + query.Window));
        _registeredSinceSweep++;
    }

    private void Add(ZoneCase open)
    {
        _cases[open.CaseId] = open;
        if (!_index.TryGetValue(open.Category, out var bySquare))
        {
            _index[open.Category] = bySquare = [];
        }

        var square = SquareOf(open);
        if (!bySquare.TryGetValue(square, out var cases))
        {
            bySquare[square] = cases = [];
        }

        cases.Add(open);
        Observe(open.FirstReportedAt);
    }

    private (int Column, int Row) SquareOf(ZoneCase open)
    {
        var p = city.Projection.Project(new GeoPoint(open.Location.Latitude, open.Location.Longitude));
        return ((int)Math.Floor(p.X / city.CellSizeMeters), (int)Math.Floor(p.Y / city.CellSizeMeters));
    }

    private void Observe(DateTimeOffset reportedAt)
    {
        if (reportedAt > _newestReport)
        {
            _newestReport = reportedAt;
        }
    }

    private void SweepIfDue()
    {
        if (_registeredSinceSweep < SweepEvery)
        {
            return;
        }

        _registeredSinceSweep = 0;
        foreach (var expired in _cases.Values.Where(c => c.MergesUntil < _newestReport).ToList())
        {
            _cases.Remove(expired.CaseId);
            _index[expired.Category][SquareOf(expired)].Remove(expired);
        }
    }
}

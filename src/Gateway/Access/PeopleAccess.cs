using Governance.Contracts.Residents;
using Grpc.Core;

namespace Governance.Gateway.Access;

/// <summary>
/// The rules on people's data finer than a method's roles: a grid worker reads full files and changes records only in
/// the cells assigned to them (AssignGridWorker, read at each call so a reassignment holds at once); civil affairs
/// and admins everywhere.
/// </summary>
public sealed class PeopleAccess(IGrainFactory grains)
{
    /// <summary>Whether the caller sees the full files of residents who live in the cell.</summary>
    public async Task<bool> SeesFullProfileAsync(Caller caller, string cellId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.SeesEveryFullProfile || await IsGridWorkerOfAsync(caller, cellId);
    }

    /// <summary>
    /// PERMISSION_DENIED unless the caller may change people's records in each of the cells the record is in or would
    /// move to; <paramref name="cellsOf"/> is asked only when the caller's role does not settle it.
    /// </summary>
    public async Task RequireWriterAsync(Caller caller, string what, Func<Task<IEnumerable<string>>> cellsOf)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(cellsOf);
        if (caller.SeesEveryFullProfile)
        {
            return;
        }

        foreach (var cellId in (await cellsOf()).Distinct(StringComparer.Ordinal))
        {
            if (!await IsGridWorkerOfAsync(caller, cellId))
            {
                throw Denied($"{caller} is not the grid worker of cell {cellId}, where {what}");
            }
        }
    }

    /// <summary>PERMISSION_DENIED unless the caller may list the due visits of this cell or of this worker's cells.</summary>
    public async Task RequireVisitListAsync(Caller caller, string cellId, string workerId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(Roles.GridWorker) || caller.SeesEveryFullProfile || caller.Has(Roles.Dispatcher))
        {
            return;
        }

        if (workerId.Length > 0 && workerId != caller.Subject)
        {
            throw Denied($"{caller} may list only their own visits (worker_id {caller.Subject}), not {workerId}'s");
        }

        if (cellId.Length > 0 && !await IsGridWorkerOfAsync(caller, cellId))
        {
            throw Denied($"{caller} is not the grid worker of cell {cellId}");
        }
    }

    /// <summary>
    /// PERMISSION_DENIED unless the caller may record this resident's answer to a survey: civil affairs and admins for
    /// anyone; a grid worker for the residents of their cells (at the door, on the phone); a resident's own app, whose
    /// token names the resident as its subject, for that resident only.
    /// </summary>
    public async Task RequireAnswererAsync(Caller caller, string residentId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.SeesEveryFullProfile || (caller.Has(Roles.Reporter) && caller.Subject == residentId))
        {
            return;
        }

        var file = await grains.GetGrain<IResidentGrain>(Contracts.GrainKeys.Resident(residentId)).GetFileAsync();
        if (file is not null && await IsGridWorkerOfAsync(caller, file.CellId))
        {
            return;
        }

        throw Denied(caller.Has(Roles.GridWorker)
            ? $"{caller} is not the grid worker of the cell where {residentId} lives, and may not answer for them"
            : $"{caller} may answer only as themselves: a resident's token names the resident, not {residentId}");
    }

    private async Task<bool> IsGridWorkerOfAsync(Caller caller, string cellId) =>
        caller.Has(Roles.GridWorker) && await grains.GetGrain<IPeopleIndexGrain>(0).WorkerOfAsync(cellId) == caller.Subject;

    private static RpcException Denied(string reason) => new(new Status(StatusCode.PermissionDenied, reason));
}

using System.Collections.Immutable;
using Governance.Contracts.Households;
using Governance.Contracts.Residents;
using Governance.Contracts.V1;
using Governance.Gateway.Validation;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>ImportPeople: records checked here, stored in batches by the import grain, answered in order.</summary>
public sealed partial class ResidentGrpcService
{
    // Records per batch: one transaction each; a client that pauses gets its answers for what it sent so far.
    private const int ImportBatch = 1_000;

    public override async Task ImportPeople(IAsyncStreamReader<ImportPeopleRequest> requestStream, IServerStreamWriter<ImportPeopleResponse> responseStream, ServerCallContext context)
    {
        var batch = new List<ImportPeopleRequest>(ImportBatch);
        var moved = requestStream.MoveNext(context.CancellationToken);
        while (await moved)
        {
            batch.Add(requestStream.Current);
            moved = requestStream.MoveNext(context.CancellationToken);
            if (batch.Count >= ImportBatch || (!moved.IsCompleted && batch.Count > 0))
            {
                await ImportBatchAsync(batch, responseStream);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await ImportBatchAsync(batch, responseStream);
        }
    }

    private async Task ImportBatchAsync(List<ImportPeopleRequest> requests, IServerStreamWriter<ImportPeopleResponse> responses)
    {
        var answers = new ImportPeopleResponse[requests.Count];
        var households = new List<(int At, HouseholdDetails Details)>();
        var residents = new List<(int At, ResidentDetails Details)>();
        var thisYear = time.GetUtcNow().Year;
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var violations = new FieldViolations();
            switch (request.Record?.RecordCase)
            {
                case PeopleRecord.RecordOneofCase.Household:
                    var household = PeopleRules.Household(violations, request.Record.Household, city, thisYear, "household.");
                    answers[i] = Answer(request.Line, household.HouseholdId, violations);
                    if (violations.IsEmpty)
                    {
                        households.Add((i, household));
                    }

                    break;
                case PeopleRecord.RecordOneofCase.Resident:
                    var resident = PeopleRules.Resident(violations, request.Record.Resident, "resident.");
                    answers[i] = Answer(request.Line, resident.ResidentId, violations);
                    if (violations.IsEmpty)
                    {
                        residents.Add((i, resident));
                    }

                    break;
                default:
                    answers[i] = new ImportPeopleResponse { Line = request.Line, Outcome = ImportOutcome.Rejected, Field = "record", Reason = "is required: a household or a resident" };
                    break;
            }
        }

        var results = await grains.GetGrain<IPeopleImportGrain>(0).ImportAsync(
            new PeopleImportBatch([.. households.Select(h => h.Details)], [.. residents.Select(r => r.Details)]));
        var stored = households.Select(h => h.At).Concat(residents.Select(r => r.At)).ToList();
        for (var j = 0; j < stored.Count; j++)
        {
            var answer = answers[stored[j]];
            (answer.Outcome, answer.Field, answer.Reason) = results[j].Outcome switch
            {
                ImportOutcomeKind.Created => (ImportOutcome.Created, "", ""),
                ImportOutcomeKind.Unchanged => (ImportOutcome.Unchanged, "", ""),
                _ => (ImportOutcome.Rejected, results[j].Field, results[j].Reason),
            };
        }

        foreach (var answer in answers)
        {
            await responses.WriteAsync(answer);
        }
    }

    // A record's answer before it is stored: rejected with its first wrong field, or waiting for the store.
    private static ImportPeopleResponse Answer(long line, string id, FieldViolations violations)
    {
        var answer = new ImportPeopleResponse { Line = line, Id = id };
        if (!violations.IsEmpty)
        {
            (answer.Outcome, answer.Field, answer.Reason) = (ImportOutcome.Rejected, violations.FirstField, violations.Summary);
        }

        return answer;
    }
}

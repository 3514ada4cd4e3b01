using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Governance.Contracts.Audit;
using Governance.Contracts.V1;
using Governance.Gateway.Validation;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>ResidentService.ListProfileReads: the audit log of full files answered.</summary>
public sealed partial class ResidentGrpcService
{
    public override async Task<ListProfileReadsResponse> ListProfileReads(ListProfileReadsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if (request.ResidentId.Length > 0)
        {
            PeopleRules.RequireId(violations, "resident_id", request.ResidentId);
        }

        if (request.ReaderId.Length > 0)
        {
            TextRules.RequireIdentifier(violations, "reader_id", request.ReaderId, 64);
        }

        var pageSize = PageRules.Size(violations, request.PageSize, DefaultPageSize, MaxPageSize);
        long before = 0;
        if (!KeysetTokens.TryRead(request, 1, out var after) || (after is not null && !long.TryParse(after[0], CultureInfo.InvariantCulture, out before)))
        {
            violations.Add("page_token", "is not the next_page_token of a list with these filters");
        }

        violations.ThrowIfAny();
        var reads = await grains.GetGrain<IProfileReadLogGrain>(0).ListAsync(
            new ProfileReadQuery(request.ResidentId, request.ReaderId, pageSize + 1) { BeforeSequence = after is null ? null : before });
        var page = reads.Take(pageSize).ToList();
        return new ListProfileReadsResponse
        {
            Reads =
            {
                page.Select(read => new Contracts.V1.ProfileRead
                {
                    ReaderId = read.ReaderId,
                    ReaderName = read.ReaderName,
                    ReaderRoles = { read.ReaderRoles.Split(' ', StringSplitOptions.RemoveEmptyEntries) },
                    ResidentId = read.ResidentId,
                    Rpc = read.Rpc,
                    ReadAt = Timestamp.FromDateTimeOffset(read.At),
                }),
            },
            NextPageToken = reads.Length > pageSize ? KeysetTokens.Write([page[^1].Sequence.ToString(CultureInfo.InvariantCulture)], request) : "",
        };
    }
}

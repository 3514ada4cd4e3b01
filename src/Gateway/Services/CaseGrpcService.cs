using System.Text.RegularExpressions;
using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.V1;
using Governance.Gateway.Mapping;
using Governance.Gateway.Validation;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>CaseService: read a case from its grain.</summary>
public sealed partial class CaseGrpcService(IGrainFactory grains) : CaseService.CaseServiceBase
{
    private const int CaseIdMaxLength = 64;

    public override async Task<GetCaseResponse> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        TextRules.RequireIdentifier(violations, "case_id", request.CaseId, CaseIdMaxLength);
        violations.ThrowIfAny();
        if (!CaseIdShape().IsMatch(request.CaseId))
        {
            // Ids are minted by the system; one of another shape cannot exist, so no grain is woken for it.
            throw NotFound(request.CaseId);
        }

        var details = await grains.Case(request.CaseId).GetAsync()
            ?? throw NotFound(request.CaseId);
        return new GetCaseResponse { Case = details.ToProto() };
    }

    private static RpcException NotFound(string caseId) =>
        new(new Status(StatusCode.NotFound, $"case_id: there is no case '{(caseId.Length <= 64 ? caseId : caseId[..64])}'"));

    [GeneratedRegex("^c[0-9a-z]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex CaseIdShape();
}

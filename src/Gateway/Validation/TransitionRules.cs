using System.Collections.Immutable;
using Governance.Contracts.V1;
using Governance.Gateway.Mapping;

namespace Governance.Gateway.Validation;

/// <summary>The fields of a step that only some steps take: a welfare application's documents, a rectification's assignment.</summary>
public static class TransitionRules
{
    private const int DocumentsMaxCount = 20;
    /// <summary>The longest link to evidence or a document taken.</summary>
    public const int LinkMaxLength = 2_048;

    /// <summary>The documents of a submit_documents step, each of a known kind with an http or https link.</summary>
    public static ImmutableArray<Contracts.Welfare.CaseDocument> Documents(FieldViolations violations, TransitionCaseRequest request, Contracts.Cases.CaseAction? action)
    {
        ArgumentNullException.ThrowIfNull(violations);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Documents.Count == 0)
        {
            return [];
        }

        if (action != Contracts.Cases.CaseAction.SubmitDocuments)
        {
            violations.Add("documents", "only submit_documents takes documents");
            return [];
        }

        if (request.Documents.Count > DocumentsMaxCount)
        {
            violations.Add("documents", $"has {request.Documents.Count} documents; at most {DocumentsMaxCount} are allowed");
            return [];
        }

        var documents = ImmutableArray.CreateBuilder<Contracts.Welfare.CaseDocument>();
        for (var i = 0; i < request.Documents.Count; i++)
        {
            var document = request.Documents[i];
            var kind = document.Kind.FromProto();
            if (kind is null)
            {
                violations.Add($"documents[{i}].kind", document.Kind == Contracts.V1.DocumentKind.Unspecified ? "is required" : $"{(int)document.Kind} is not a kind of document");
            }

            if (!IsWebLink(document.Link))
            {
                violations.Add($"documents[{i}].link", $"must be an http or https URL of at most {LinkMaxLength} characters");
            }

            documents.Add(new Contracts.Welfare.CaseDocument(kind ?? Contracts.Welfare.DocumentKind.Other, document.Link));
        }

        return documents.ToImmutable();
    }

    /// <summary>The responsible person and deadline of an assign step; other steps take neither.</summary>
    public static (string Responsible, DateTimeOffset? DueBy) Assignment(
        FieldViolations violations, TransitionCaseRequest request, Contracts.Cases.CaseAction? action, int personIdMaxLength)
    {
        ArgumentNullException.ThrowIfNull(violations);
        ArgumentNullException.ThrowIfNull(request);
        var dueBy = TimeRules.Optional(violations, "due_by", request.DueBy);
        if (action == Contracts.Cases.CaseAction.Assign)
        {
            TextRules.RequireIdentifier(violations, "responsible", request.Responsible, personIdMaxLength);
            return (request.Responsible, dueBy);
        }

        if (request.Responsible.Length > 0)
        {
            violations.Add("responsible", "only assign takes a responsible person");
        }

        if (request.DueBy is not null)
        {
            violations.Add("due_by", "only assign takes a deadline");
        }

        return ("", null);
    }

    /// <summary>True for an absolute http or https URL of reasonable length: links to evidence and documents.</summary>
    public static bool IsWebLink(string link) =>
        link.Length <= LinkMaxLength && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}

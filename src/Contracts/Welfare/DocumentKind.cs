namespace Governance.Contracts.Welfare;

/// <summary>A kind of document a welfare application brings; the rules file says which are required.</summary>
[GenerateSerializer, Alias("DocumentKind")]
public enum DocumentKind
{
    /// <summary>The applicant's resident identity card (身份证).</summary>
    IdCard = 1,

    /// <summary>The household register (户口簿).</summary>
    HouseholdRegister = 2,

    /// <summary>Proof of the household's income (收入证明).</summary>
    IncomeProof = 3,

    /// <summary>Anything else that supports the application (a disability certificate, a medical record).</summary>
    Other = 4,
}

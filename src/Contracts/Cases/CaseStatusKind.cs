namespace Governance.Contracts.Cases;

/// <summary>
/// Where a case stands in the closed loop of digital urban management: report → register (立案) → dispatch (派遣) →
/// handle (处置) and feed back → verify on site (核查) → close (结案) → evaluate (评价). Which step may follow which is
/// <see cref="CaseLifecycle"/>.
/// </summary>
[GenerateSerializer, Alias("CaseStatusKind")]
public enum CaseStatusKind
{
    /// <summary>Reported, waiting to be registered (立案).</summary>
    Reported = 1,

    /// <summary>Registered as a case the city will handle, waiting to be dispatched.</summary>
    Registered = 2,

    /// <summary>Not registered (不予立案), with the reason: the end of the case.</summary>
    Rejected = 3,

    /// <summary>Dispatched to the department responsible, which is handling it.</summary>
    Dispatched = 4,

    /// <summary>Handling suspended (缓办) with an approver's consent, the clock stopped until it resumes.</summary>
    Suspended = 5,

    /// <summary>The department reported it handled (处置反馈), waiting for verification on site.</summary>
    Handled = 6,

    /// <summary>Verified on site (核查) as handled, waiting to be closed.</summary>
    Verified = 7,

    /// <summary>Closed (结案), waiting for its evaluation.</summary>
    Closed = 8,

    /// <summary>Evaluated (评价): the end of the loop.</summary>
    Evaluated = 9,

    /// <summary>A petition received (登记), waiting to be accepted for handling or declined.</summary>
    Received = 10,

    /// <summary>A petition accepted for handling (受理): its department owes a reply by the due time.</summary>
    Accepted = 11,

    /// <summary>A petition declined (不予受理), with the reason: the end.</summary>
    Declined = 12,

    /// <summary>A petition answered (答复), waiting for the petitioner to accept the reply or ask for a review.</summary>
    Replied = 13,

    /// <summary>A petition under review (复查) at the petitioner's request: a second reply is owed.</summary>
    UnderReview = 14,

    /// <summary>A petition answered again after the review, waiting for the petitioner.</summary>
    ReviewReplied = 15,

    /// <summary>A petition whose reply the petitioner accepted: the end.</summary>
    Resolved = 16,

    /// <summary>A petition concluded by the office after the review's reply was not accepted (终结): the end.</summary>
    Concluded = 17,

    /// <summary>A dispute reported, waiting for its grid worker to take it up.</summary>
    DisputeReported = 18,

    /// <summary>A dispute being mediated by the grid worker (first level).</summary>
    MediatingByGrid = 19,

    /// <summary>A dispute being mediated by the community mediation committee (社区人民调解委员会, second level).</summary>
    MediatingByCommunity = 20,

    /// <summary>A dispute being mediated by the street comprehensive governance centre (街道综治中心, third level).</summary>
    MediatingByStreet = 21,

    /// <summary>A dispute settled by a recorded agreement: the end.</summary>
    Agreed = 22,

    /// <summary>A dispute referred elsewhere after the third level failed: the end.</summary>
    Referred = 23,

    /// <summary>A welfare application received, waiting for its required documents and its acceptance (受理).</summary>
    Applied = 24,

    /// <summary>A welfare application accepted: the departments concerned check the household in parallel (信息核对).</summary>
    AwaitingApprovals = 25,

    /// <summary>Every department approved: waiting for the street office's first review (初审).</summary>
    FirstReview = 26,

    /// <summary>First review passed: waiting for civil affairs' second review (审批).</summary>
    SecondReview = 27,

    /// <summary>Approved: the household's allowance is on public notice (公示) for the period the rules give.</summary>
    PublicNotice = 28,

    /// <summary>The notice ended without an upheld objection and disbursement began (发放): the end.</summary>
    Granted = 29,

    /// <summary>Refused by a department or a review, with who and why: the end.</summary>
    Refused = 30,

    /// <summary>A rectification task from an inspection's feedback list, waiting to be assigned (交办).</summary>
    RectificationListed = 31,

    /// <summary>Assigned to a responsible person: being rectified by the deadline, with monthly progress reports.</summary>
    Rectifying = 32,

    /// <summary>Reported done by the responsible person, waiting for the inspection to confirm it (验收).</summary>
    RectificationSubmitted = 33,

    /// <summary>Confirmed done by the inspection (销号): the end.</summary>
    Rectified = 34,
}

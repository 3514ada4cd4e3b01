namespace Governance.Contracts.Cases;

/// <summary>A step a dispatcher, department or inspector takes on a case; each moves it from one status to another.</summary>
[GenerateSerializer, Alias("CaseAction")]
public enum CaseAction
{
    /// <summary>Register the report as a case (立案).</summary>
    Register = 1,

    /// <summary>Refuse to register it (不予立案); needs a reason.</summary>
    Reject = 2,

    /// <summary>Send it to the department responsible (派遣): the one its category is routed to, or another with a reason.</summary>
    Dispatch = 3,

    /// <summary>The department reports it handled (处置反馈), with evidence such as photos.</summary>
    Handle = 4,

    /// <summary>Verification on site found it handled (核查通过).</summary>
    Verify = 5,

    /// <summary>Verification found it not handled: back to the department (返工); needs a reason.</summary>
    Rework = 6,

    /// <summary>Close the case (结案).</summary>
    Close = 7,

    /// <summary>Evaluate how it was handled (评价).</summary>
    Evaluate = 8,

    /// <summary>Extend the handling time (延期); needs a reason and an approver.</summary>
    Postpone = 9,

    /// <summary>Suspend handling (缓办); needs a reason and an approver.</summary>
    Suspend = 10,

    /// <summary>Resume a suspended case.</summary>
    Resume = 11,

    /// <summary>The department returns the case to be dispatched again (回退); needs a reason and an approver.</summary>
    Return = 12,

    /// <summary>A petition: accept it for handling (受理), by the department its category is routed to; starts the reply clock.</summary>
    Accept = 13,

    /// <summary>A petition: decline to accept it (不予受理); needs a reason.</summary>
    Decline = 14,

    /// <summary>A petition: the written reply (答复), its words as the reason; stops the reply clock.</summary>
    Reply = 15,

    /// <summary>A petition: the petitioner accepts the reply (认可), which ends it.</summary>
    Acknowledge = 16,

    /// <summary>A petition: the petitioner asks for a review of the first reply (复查); needs a reason; starts the clock again.</summary>
    RequestReview = 17,

    /// <summary>A petition: the petitioner does not accept the review's reply, and the office concludes it (终结); needs a reason and an approver.</summary>
    Conclude = 18,

    /// <summary>A dispute: its grid worker takes it up for mediation (调解), the first level; starts that level's clock.</summary>
    Mediate = 19,

    /// <summary>A dispute: the parties reached an agreement (调解协议), its terms as the reason; ends it.</summary>
    Agree = 20,

    /// <summary>A dispute: mediation failed at this level; up to the next, with its own department and clock; needs a reason.</summary>
    Escalate = 21,

    /// <summary>A dispute: the street centre could not settle it and refers it (to a court, arbitration, another body); needs a reason.</summary>
    Refer = 22,

    /// <summary>A welfare application: documents handed in (提交材料), each of a kind, with a link to its scan.</summary>
    SubmitDocuments = 23,

    /// <summary>
    /// A welfare application: accepted for checking (受理) once every required document is in; the departments
    /// concerned start their checks in parallel. Refused while a required document is missing, naming it.
    /// </summary>
    AcceptApplication = 24,

    /// <summary>A welfare application: a department concerned, or a review, approves (同意); a department names itself.</summary>
    Approve = 25,

    /// <summary>A welfare application: a department concerned, or a review, refuses (不予批准); needs a reason; ends it.</summary>
    Deny = 26,

    /// <summary>A welfare application on public notice: an objection (异议) sends it back to the second review; needs a reason.</summary>
    RaiseObjection = 27,

    /// <summary>A welfare application: disbursement begins (发放), once the public notice has ended.</summary>
    Disburse = 28,

    /// <summary>A rectification task: assigned (交办) to a responsible person and department, with a deadline.</summary>
    Assign = 29,

    /// <summary>A rectification task: the monthly progress report (进展报告), its words as the reason.</summary>
    ReportProgress = 30,

    /// <summary>A rectification task: the responsible person reports it done (报请销号), what was done as the reason; stops the clock.</summary>
    Complete = 31,

    /// <summary>A rectification task: the inspection confirms it done (验收销号), which ends it.</summary>
    Confirm = 32,

    /// <summary>A rectification task: the inspection finds it not done (验收不通过); back to rectifying against the same deadline; needs a reason.</summary>
    Reopen = 33,
}

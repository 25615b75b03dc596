namespace LectureHub.Domain.Cohorts;

/// <summary>How applicants are chosen: in order of arrival while seats last, or by the owner's review.</summary>
public enum SelectionType
{
    FirstCome,
    Review,
}

/// <summary>Public cohorts are listed; unlisted ones are reachable only by their link.</summary>
public enum CohortVisibility
{
    Public,
    Unlisted,
}

public enum ApplicationStatus
{
    /// <summary>Waiting for the owner's review (REVIEW cohorts).</summary>
    Applied,
    Approved,
    Waitlisted,
    Rejected,
    Cancelled,

    /// <summary>Given a seat in a paid cohort but not paid in time: the seat went to the waitlist.</summary>
    Expired,
}

public enum QuestionKind
{
    Text,
    SingleChoice,
    MultipleChoice,
}

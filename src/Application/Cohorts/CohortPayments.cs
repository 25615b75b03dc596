namespace LectureHub.Application.Cohorts;

/// <summary>How long an applicant given a seat in a paid cohort has to pay the fee (<c>Cohorts:PaymentWindowHours</c>).</summary>
public sealed record CohortPayments(TimeSpan Window);

using LectureHub.Application.Common.Exceptions;
using Npgsql;

namespace LectureHub.Infrastructure.Persistence;

/// <summary>Turns constraint violations that two racing requests can cause into 409s with a stable code.</summary>
internal static class PostgresConflicts
{
    private static readonly Dictionary<string, (string Code, string Message)> UniqueConstraints = new()
    {
        ["ix_users_normalized_email"] = ("EMAIL_TAKEN", "An account with this email already exists."),
        ["ix_categories_slug"] = ("CATEGORY_SLUG_TAKEN", "A category with this slug already exists."),
        ["ix_cohort_applications_cohort_id_student_id"] = ("ALREADY_APPLIED", "You have already applied to this cohort."),
        // The same student's second application racing the first for a seat meets this one before the one above.
        ["ix_cohort_slots_cohort_id_student_id"] = ("ALREADY_APPLIED", "You have already applied to this cohort."),
        ["ix_enrollments_student_id_course_id"] = ("ALREADY_ENROLLED", "You are already enrolled in this course."),
        ["ix_coupons_code"] = ("COUPON_CODE_TAKEN", "A coupon with this code already exists."),
        ["ix_boards_slug"] = ("BOARD_SLUG_TAKEN", "A board with this slug already exists."),
        ["ix_boards_category_id"] = ("CATEGORY_HAS_BOARD", "That category already has its board."),
        ["ix_course_reviews_course_id_student_id"] = ("REVIEW_EXISTS", "You have reviewed this course already; edit your review instead."),
        ["ix_instructor_applications_user_id"] = ("INSTRUCTOR_APPLICATION_PENDING", "You already have an application to teach waiting for a decision."),
        ["ix_external_logins_provider_subject"] = ("EXTERNAL_LOGIN_TAKEN", "This social account signs in to another LectureHub account already."),
        ["ix_external_logins_user_id_provider"] = ("PROVIDER_ALREADY_LINKED", "Another account of this provider is linked already; unlink it first."),
        ["ix_terms_documents_kind_version"] = ("TERMS_PUBLISHED_CONCURRENTLY", "Another version of these terms was published at the same moment; read the terms and publish again if still needed."),
        ["ix_instructor_statements_instructor_id_month"] = ("STATEMENT_ALREADY_CLOSED", "The instructor's statement for this month is closed already."),
    };

    public static ConflictException? Translate(PostgresException ex) => ex.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation when ex.ConstraintName is { } name && UniqueConstraints.TryGetValue(name, out var known) =>
            new ConflictException(known.Code, known.Message),
        PostgresErrorCodes.UniqueViolation => new ConflictException("DUPLICATE", "This resource already exists."),
        PostgresErrorCodes.ForeignKeyViolation => new ConflictException("REFERENCED", "This resource is still referenced by others."),
        _ => null,
    };
}

using System.Globalization;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Email;
using LectureHub.Domain.Cohorts;
using LectureHub.Domain.Common;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Cohorts.Events;

/// <summary>What an applicant is told, and in which words. One kind per status change; a promotion is its own.</summary>
public enum ApplicationNotice
{
    Applied,
    Approved,
    Promoted,
    Waitlisted,
    Rejected,
    Cancelled,
    CohortCancelled,

    /// <summary>Approved in a paid cohort: the seat is held until the fee's deadline.</summary>
    ApprovedPaymentDue,

    /// <summary>Promoted from the waitlist in a paid cohort, likewise.</summary>
    PromotedPaymentDue,

    /// <summary>The deadline passed unpaid: the seat went to the waitlist.</summary>
    PaymentExpired,
}

/// <summary>The applicant and cohort facts an email needs, read after the change committed.</summary>
internal sealed record ApplicantNoticeFacts(
    string Email, string DisplayName, string Language, string CohortTitle, DateTimeOffset ClassStartsAt, string? Location, bool IsOnline,
    long? WaitlistPosition, string? Reason, long FeeKrw = 0, DateTimeOffset? PaymentDueAt = null);

/// <summary>
/// The Korean and English templates for cohort application emails. Placeholders: {name}, {cohort}, {start},
/// {place}, {position}, {reason}, {fee}, {due}. Times are shown in Korea Standard Time (UTC+9, no daylight saving): the classes are in Korea.
/// </summary>
internal static class ApplicationEmails
{
    private static readonly Dictionary<(string Language, ApplicationNotice Notice), EmailTemplate> Templates = new()
    {
        [(Languages.Korean, ApplicationNotice.Applied)] = new(
            "[LectureHub] '{cohort}' 신청이 접수되었습니다",
            "{name}님, '{cohort}' 신청이 접수되었습니다.",
            "강사가 신청서를 검토한 뒤 결과를 이메일로 알려 드립니다."),
        [(Languages.Korean, ApplicationNotice.Approved)] = new(
            "[LectureHub] '{cohort}' 참가가 확정되었습니다",
            "{name}님, '{cohort}' 신청이 승인되어 자리가 확정되었습니다.",
            "일시: {start}", "장소: {place}"),
        [(Languages.Korean, ApplicationNotice.Promoted)] = new(
            "[LectureHub] 대기 중이던 '{cohort}' 자리가 확정되었습니다",
            "{name}님, 취소된 자리가 생겨 대기 중이던 '{cohort}' 신청이 승인되었습니다. 자리가 확정되었습니다.",
            "일시: {start}", "장소: {place}"),
        [(Languages.Korean, ApplicationNotice.Waitlisted)] = new(
            "[LectureHub] '{cohort}' 대기자로 등록되었습니다",
            "{name}님, '{cohort}' 정원이 모두 차서 대기자로 등록되었습니다. 현재 대기 순번은 {position}번입니다.",
            "자리가 생기면 대기 순서대로 자동 승인되며, 그때 다시 이메일로 알려 드립니다."),
        [(Languages.Korean, ApplicationNotice.Rejected)] = new(
            "[LectureHub] '{cohort}' 신청 결과 안내",
            "{name}님, 아쉽게도 '{cohort}' 신청이 승인되지 않았습니다.",
            "사유: {reason}"),
        [(Languages.Korean, ApplicationNotice.Cancelled)] = new(
            "[LectureHub] '{cohort}' 신청이 취소되었습니다",
            "{name}님, '{cohort}' 신청이 취소되었습니다. 확보했던 자리는 다음 대기자에게 넘어갑니다.",
            "직접 취소하지 않으셨다면 고객센터로 알려 주세요."),
        [(Languages.Korean, ApplicationNotice.CohortCancelled)] = new(
            "[LectureHub] '{cohort}' 일정이 취소되었습니다",
            "{name}님, 주최 측 사정으로 '{cohort}' ({start}) 일정이 취소되어 신청도 함께 취소되었습니다.",
            "사유: {reason}"),

        [(Languages.Korean, ApplicationNotice.ApprovedPaymentDue)] = new(
            "[LectureHub] '{cohort}' 자리가 확보되었습니다: {due}까지 결제해 주세요",
            "{name}님, '{cohort}' 신청이 승인되어 자리를 잡아 두었습니다. 참가비 {fee}원을 {due}까지 결제하시면 참가가 확정됩니다.",
            "기한 안에 결제하지 않으시면 자리는 대기자에게 넘어갑니다.", "일시: {start}", "장소: {place}"),
        [(Languages.Korean, ApplicationNotice.PromotedPaymentDue)] = new(
            "[LectureHub] 대기 중이던 '{cohort}' 자리가 생겼습니다: {due}까지 결제해 주세요",
            "{name}님, 취소된 자리가 생겨 대기 중이던 '{cohort}' 신청이 승인되었습니다. 참가비 {fee}원을 {due}까지 결제하시면 참가가 확정됩니다.",
            "기한 안에 결제하지 않으시면 자리는 다음 대기자에게 넘어갑니다.", "일시: {start}", "장소: {place}"),
        [(Languages.Korean, ApplicationNotice.PaymentExpired)] = new(
            "[LectureHub] '{cohort}' 결제 기한이 지나 자리가 넘어갔습니다",
            "{name}님, '{cohort}' 참가비 결제 기한({due})이 지나 확보했던 자리가 다음 대기자에게 넘어갔습니다.",
            "결제된 금액은 없습니다. 다시 참가하시려면 모집 기간 중에 새로 신청해 주세요."),

        [(Languages.English, ApplicationNotice.Applied)] = new(
            "[LectureHub] We received your application to '{cohort}'",
            "Hi {name}, we received your application to '{cohort}'.",
            "The instructor will review it, and we will email you the decision."),
        [(Languages.English, ApplicationNotice.Approved)] = new(
            "[LectureHub] Your place in '{cohort}' is confirmed",
            "Hi {name}, your application to '{cohort}' was approved: your place is confirmed.",
            "When: {start}", "Where: {place}"),
        [(Languages.English, ApplicationNotice.Promoted)] = new(
            "[LectureHub] A place opened up in '{cohort}': you're in",
            "Hi {name}, a place opened up in '{cohort}' and your waitlisted application was approved: your place is confirmed.",
            "When: {start}", "Where: {place}"),
        [(Languages.English, ApplicationNotice.Waitlisted)] = new(
            "[LectureHub] You're on the waitlist for '{cohort}'",
            "Hi {name}, '{cohort}' is full, so you are on the waitlist, at position {position}.",
            "If a place opens up, waitlisted applicants are approved in order, and we will email you."),
        [(Languages.English, ApplicationNotice.Rejected)] = new(
            "[LectureHub] About your application to '{cohort}'",
            "Hi {name}, we're sorry: your application to '{cohort}' was not approved.",
            "Reason: {reason}"),
        [(Languages.English, ApplicationNotice.Cancelled)] = new(
            "[LectureHub] Your application to '{cohort}' was cancelled",
            "Hi {name}, your application to '{cohort}' was cancelled. Any place you held passes to the next person waiting.",
            "If you did not cancel it, please tell our support team."),
        [(Languages.English, ApplicationNotice.CohortCancelled)] = new(
            "[LectureHub] '{cohort}' has been cancelled",
            "Hi {name}, the organiser has cancelled '{cohort}' ({start}), so your application is cancelled with it.",
            "Reason: {reason}"),
        [(Languages.English, ApplicationNotice.ApprovedPaymentDue)] = new(
            "[LectureHub] Your place in '{cohort}' is held: pay by {due}",
            "Hi {name}, your application to '{cohort}' was approved and a place is held for you. Pay the fee of KRW {fee} by {due} to confirm it.",
            "If it is not paid by then, the place goes to the waitlist.", "When: {start}", "Where: {place}"),
        [(Languages.English, ApplicationNotice.PromotedPaymentDue)] = new(
            "[LectureHub] A place opened up in '{cohort}': pay by {due}",
            "Hi {name}, a place opened up in '{cohort}' and your waitlisted application was approved. Pay the fee of KRW {fee} by {due} to confirm it.",
            "If it is not paid by then, the place goes to the next person waiting.", "When: {start}", "Where: {place}"),
        [(Languages.English, ApplicationNotice.PaymentExpired)] = new(
            "[LectureHub] Your place in '{cohort}' was released",
            "Hi {name}, the fee for '{cohort}' was not paid by {due}, so the place held for you went to the next person waiting.",
            "Nothing was charged. To take part, apply again while recruiting is open."),
    };

    /// <summary>Every (language, notice) pair has a template; unit tests hold this true.</summary>
    public static IEnumerable<(string Language, ApplicationNotice Notice)> Keys => Templates.Keys;

    public static ApplicationNotice NoticeFor(CohortApplicationChanged change) => change.Status switch
    {
        ApplicationStatus.Cancelled when change.CohortCancelled => ApplicationNotice.CohortCancelled,
        ApplicationStatus.Approved when change.PaymentDueAt is not null => change.Promoted ? ApplicationNotice.PromotedPaymentDue : ApplicationNotice.ApprovedPaymentDue,
        ApplicationStatus.Approved => change.Promoted ? ApplicationNotice.Promoted : ApplicationNotice.Approved,
        ApplicationStatus.Expired => ApplicationNotice.PaymentExpired,
        ApplicationStatus.Applied => ApplicationNotice.Applied,
        ApplicationStatus.Waitlisted => ApplicationNotice.Waitlisted,
        ApplicationStatus.Rejected => ApplicationNotice.Rejected,
        ApplicationStatus.Cancelled => ApplicationNotice.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.Status, "No email for this status."),
    };

    public static EmailMessage Compose(Guid applicationId, ApplicationNotice notice, ApplicantNoticeFacts facts)
    {
        // An account's language is checked on the way in; a language added later without templates falls back to Korean.
        var (language, template) = EmailTemplate.For(Templates, facts.Language, notice);
        var values = new Dictionary<string, string>
        {
            ["{name}"] = facts.DisplayName,
            ["{cohort}"] = facts.CohortTitle,
            ["{start}"] = FormatKst(facts.ClassStartsAt, language),
            ["{place}"] = facts.IsOnline ? (language == Languages.Korean ? "온라인" : "Online") : facts.Location ?? "",
            ["{position}"] = facts.WaitlistPosition?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["{reason}"] = facts.Reason ?? "",
            ["{fee}"] = KoreaTime.Won(facts.FeeKrw),
            ["{due}"] = facts.PaymentDueAt is { } due ? FormatKst(due, language) : "",
        };
        return template.Render(facts.Email, facts.DisplayName, language, values, $"cohort-application.{applicationId:N}.{notice.ToString().ToLowerInvariant()}");
    }

    private static string FormatKst(DateTimeOffset time, string language)
    {
        var kst = time.ToOffset(KoreaTime.Offset);
        return language == Languages.Korean
            ? kst.ToString("yyyy년 M월 d일 (ddd) HH:mm 'KST'", CultureInfo.GetCultureInfo("ko-KR"))
            : kst.ToString("ddd, MMM d, yyyy, HH:mm 'KST'", CultureInfo.InvariantCulture);
    }
}

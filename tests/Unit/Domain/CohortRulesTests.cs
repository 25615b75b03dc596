using LectureHub.Domain.Cohorts;
using LectureHub.Domain.Common;
using LectureHub.Domain.Enrollments;

namespace LectureHub.UnitTests.Domain;

public sealed class CohortRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly FormQuestion Experience = new("experience", "경력", QuestionKind.SingleChoice, Required: true, ["없음", "1년 이상"]);
    private static readonly FormQuestion Tools = new("tools", "보유 장비", QuestionKind.MultipleChoice, Required: false, ["TIG", "CO2", "피복아크"]);
    private static readonly FormQuestion Motivation = new("motivation", "지원 동기", QuestionKind.Text, Required: false, []);

    private static CohortDetails Details(int capacity = 10, DateTimeOffset? classStarts = null) => new(
        "TIG 실습반", "", null, capacity, 5, SelectionType.FirstCome, Now.AddHours(-1), Now.AddDays(1), classStarts ?? Now.AddDays(2), (classStarts ?? Now.AddDays(2)).AddHours(6),
        "서울", IsOnline: false, 120_000, CohortVisibility.Public);

    private static Cohort NewCohort() =>
        Cohort.Create(Guid.NewGuid(), Details(), [Experience, Tools, Motivation], [new CohortTerm("safety", 0, "안전 수칙", "보호구 착용", Required: true)], Now);

    private static readonly AcceptedTerm[] Safety = [new("safety", 1)];

    [Fact]
    public void Answers_must_cover_required_questions_and_pick_among_the_options()
    {
        var cohort = NewCohort();

        cohort.CheckApplication([new("experience", ["없음"]), new("tools", ["TIG", "CO2"]), new("motivation", ["자격증"])], Safety, Now);
        Assert.Equal("APPLICATION_ANSWERS_INVALID", Assert.Throws<DomainValidationException>(() => cohort.CheckApplication([], Safety, Now)).Code);
        Assert.Throws<DomainValidationException>(() => cohort.CheckApplication([new("experience", ["없음", "1년 이상"])], Safety, Now));
        Assert.Throws<DomainValidationException>(() => cohort.CheckApplication([new("experience", ["10년"])], Safety, Now));
        Assert.Throws<DomainValidationException>(() => cohort.CheckApplication([new("experience", ["없음"]), new("tools", ["TIG", "TIG"])], Safety, Now));
        Assert.Throws<DomainValidationException>(() => cohort.CheckApplication([new("experience", ["없음"]), new("unknown", ["x"])], Safety, Now));
        Assert.Throws<DomainValidationException>(() => cohort.CheckApplication([new("experience", ["없음"]), new("motivation", [new string('가', 2_001)])], Safety, Now));
    }

    [Fact]
    public void Required_terms_must_be_accepted_at_their_current_version_which_moves_when_their_text_changes()
    {
        var cohort = NewCohort();
        FormAnswer[] answers = [new("experience", ["없음"])];

        Assert.Equal("TERMS_NOT_ACCEPTED", Assert.Throws<DomainValidationException>(() => cohort.CheckApplication(answers, [], Now)).Code);
        cohort.ReviseTerms([new CohortTerm("safety", 0, "안전 수칙", "보호구와 보안경 착용", Required: true)], Now);

        Assert.Equal(2, Assert.Single(cohort.Terms).Version);
        Assert.Throws<DomainValidationException>(() => cohort.CheckApplication(answers, Safety, Now));
        cohort.CheckApplication(answers, [new("safety", 2)], Now);
        cohort.ReviseTerms([new CohortTerm("safety", 0, "안전 수칙", "보호구와 보안경 착용", Required: true)], Now);
        Assert.Equal(2, cohort.Terms[0].Version);
    }

    [Fact]
    public void Applying_outside_the_recruiting_window_is_refused_and_a_revised_form_is_a_new_version()
    {
        var cohort = NewCohort();

        Assert.Equal("RECRUITMENT_CLOSED", Assert.Throws<DomainException>(() => cohort.CheckApplication([new("experience", ["없음"])], Safety, Now.AddDays(1))).Code);
        Assert.Equal("RECRUITMENT_CLOSED", Assert.Throws<DomainException>(() => cohort.CheckApplication([new("experience", ["없음"])], Safety, Now.AddHours(-2))).Code);
        var application = CohortApplication.Submit(cohort, Guid.NewGuid(), [new("experience", ["없음"])], Safety, ApplicationStatus.Approved, null, Now);
        cohort.ReviseForm([Motivation], Now);

        Assert.Equal((2, 1, 3), (cohort.Form.Version, application.Form.Version, application.Form.Questions.Count));
    }

    [Fact]
    public void The_same_questions_again_keep_the_form_version()
    {
        var cohort = NewCohort();

        cohort.ReviseForm([Experience with { Options = ["없음", "1년 이상"] }, Tools, Motivation], Now);

        Assert.Equal(1, cohort.Form.Version);
    }

    [Fact]
    public void Before_anyone_applies_everything_may_change()
    {
        var cohort = NewCohort();

        cohort.Revise(Details(capacity: 2) with { FeeKrw = 0, IsOnline = true, Location = null, Selection = SelectionType.Review }, anyApplications: false, Now);

        Assert.Equal((2, 0L, true, SelectionType.Review), (cohort.Capacity, cohort.FeeKrw, cohort.IsOnline, cohort.Selection));
    }

    [Fact]
    public void Once_people_applied_the_fee_schedule_and_place_are_fixed_and_seats_only_grow()
    {
        var cohort = NewCohort();

        foreach (var changed in new[]
                 {
                     Details() with { FeeKrw = 1 }, Details(classStarts: Now.AddDays(3)), Details() with { Location = "부산" },
                     Details() with { Region = "seoul" }, Details() with { Selection = SelectionType.Review }, Details(capacity: 9),
                 })
        {
            Assert.Equal("COHORT_CHANGE_NOT_ALLOWED", Assert.Throws<DomainException>(() => cohort.Revise(changed, anyApplications: true, Now)).Code);
        }

        Assert.Equal("COHORT_SCHEDULE_INVALID", Assert.Throws<DomainValidationException>(
            () => cohort.Revise(Details() with { RecruitEndsAt = Now.AddMinutes(-1) }, anyApplications: true, Now)).Code);
        cohort.Revise(Details(capacity: 12) with { Title = "TIG 증원반", RecruitEndsAt = Now.AddDays(1.5), Visibility = CohortVisibility.Unlisted }, anyApplications: true, Now);
        Assert.Equal(("TIG 증원반", 12, CohortVisibility.Unlisted), (cohort.Title, cohort.Capacity, cohort.Visibility));
    }

    [Fact]
    public void A_cancelled_or_ended_cohort_takes_no_changes_and_no_applications()
    {
        var cohort = NewCohort();
        var ended = NewCohort();

        cohort.Cancel(" 강사 부상 ", Now);

        Assert.Equal(("강사 부상", Now), (cohort.CancellationReason, cohort.CancelledAt!.Value));
        Assert.False(cohort.IsRecruiting(Now));
        Assert.Equal("COHORT_CANCELLED", Assert.Throws<DomainException>(() => cohort.CheckApplication([new("experience", ["없음"])], Safety, Now)).Code);
        Assert.Equal("COHORT_CANCELLED", Assert.Throws<DomainException>(() => cohort.Cancel("again", Now)).Code);
        Assert.Equal("COHORT_CANCELLED", Assert.Throws<DomainException>(() => cohort.Revise(Details(), anyApplications: false, Now)).Code);
        Assert.Equal("COHORT_ENDED", Assert.Throws<DomainException>(() => ended.Revise(Details(), anyApplications: false, Now.AddDays(3))).Code);
    }

    [Fact]
    public void A_region_is_a_known_one_and_only_for_offline_cohorts()
    {
        Assert.Equal("COHORT_REGION_INVALID", Assert.Throws<DomainValidationException>(() => Cohort.Create(Guid.NewGuid(), Details() with { Region = "mars" }, [], [], Now)).Code);
        Assert.Equal("COHORT_REGION_INVALID", Assert.Throws<DomainValidationException>(
            () => Cohort.Create(Guid.NewGuid(), Details() with { IsOnline = true, Region = "seoul" }, [], [], Now)).Code);
        Assert.Equal("busan", Cohort.Create(Guid.NewGuid(), Details() with { Region = "busan" }, [], [], Now).Region);
    }

    [Fact]
    public void An_application_ends_with_its_cohort_and_says_so()
    {
        var cohort = NewCohort();
        var application = CohortApplication.Submit(cohort, Guid.NewGuid(), [], Safety, ApplicationStatus.Waitlisted, 3, Now);

        application.CancelWithCohort(Now);

        Assert.Equal(ApplicationStatus.Cancelled, application.Status);
        Assert.True(Assert.IsType<CohortApplicationChanged>(application.DomainEvents[^1]).CohortCancelled);
        Assert.Equal("APPLICATION_NOT_ACTIVE", Assert.Throws<DomainException>(() => application.CancelWithCohort(Now)).Code);
    }

    [Fact]
    public void A_seat_in_a_paid_cohort_is_held_until_its_deadline_and_then_expires_unless_paid()
    {
        var cohort = NewCohort();
        var due = cohort.PaymentDueFor(Now, TimeSpan.FromHours(48));
        var seat = CohortApplication.Submit(cohort, Guid.NewGuid(), [], Safety, ApplicationStatus.Approved, null, Now, due);
        var orderId = Guid.NewGuid();

        Assert.Equal(cohort.ClassStartsAt, cohort.PaymentDueFor(Now.AddDays(1.5), TimeSpan.FromHours(48)));
        Assert.Null(Cohort.Create(Guid.NewGuid(), Details() with { FeeKrw = 0 }, [], [], Now).PaymentDueFor(Now, TimeSpan.FromHours(48)));
        Assert.Equal(due, Assert.IsType<CohortApplicationChanged>(seat.DomainEvents[^1]).PaymentDueAt);
        Assert.Equal("PAYMENT_NOT_DUE", Assert.Throws<DomainException>(() => seat.ExpireUnpaid(Now)).Code);
        Assert.Equal("PAYMENT_WINDOW_CLOSED", Assert.Throws<DomainException>(() => seat.AttachOrder(orderId, due!.Value)).Code);
        seat.AttachOrder(orderId, Now);
        Assert.Equal("APPLICATION_NOT_PAYABLE", Assert.Throws<DomainException>(() => seat.MarkPaid(Guid.NewGuid(), Now)).Code);
        seat.MarkPaid(orderId, due!.Value.AddMinutes(5)); // placed in time, paid a little late: still the seat's
        Assert.Equal("APPLICATION_NOT_PAYABLE", Assert.Throws<DomainException>(() => seat.ExpireUnpaid(due.Value.AddHours(1))).Code);
        Assert.Equal("APPLICATION_PAID", Assert.Throws<DomainException>(() => seat.Cancel(cohort.ClassStartsAt, Now)).Code);
        seat.EndAfterRefund(Now);
        Assert.Equal(ApplicationStatus.Cancelled, seat.Status);

        var unpaid = CohortApplication.Submit(cohort, Guid.NewGuid(), [], Safety, ApplicationStatus.Approved, null, Now, due);
        unpaid.ExpireUnpaid(due.Value);
        Assert.Equal(ApplicationStatus.Expired, unpaid.Status);
        Assert.False(unpaid.IsActive);
    }

    [Theory]
    [InlineData(0, "COHORT_CAPACITY_INVALID")]
    [InlineData(10_001, "COHORT_CAPACITY_INVALID")]
    public void Capacity_is_bounded(int capacity, string code) =>
        Assert.Equal(code, Assert.Throws<DomainValidationException>(() => Cohort.Create(Guid.NewGuid(), Details(capacity), [], [], Now)).Code);

    [Fact]
    public void Recruiting_must_end_before_the_class_starts_and_offline_classes_need_a_place()
    {
        Assert.Equal("COHORT_SCHEDULE_INVALID", Assert.Throws<DomainValidationException>(() => Cohort.Create(Guid.NewGuid(), Details(classStarts: Now.AddHours(12)), [], [], Now)).Code);
        Assert.Equal("COHORT_LOCATION_REQUIRED", Assert.Throws<DomainValidationException>(() => Cohort.Create(Guid.NewGuid(), Details() with { Location = " " }, [], [], Now)).Code);
        Assert.Equal("COHORT_FORM_INVALID", Assert.Throws<DomainValidationException>(() => Cohort.Create(Guid.NewGuid(), Details(), [Experience, Experience], [], Now)).Code);
        Assert.Equal("COHORT_FORM_INVALID", Assert.Throws<DomainValidationException>(() => Cohort.Create(Guid.NewGuid(), Details(), [Experience with { Options = ["하나"] }], [], Now)).Code);
    }

    [Fact]
    public void An_application_moves_only_along_its_status_flow_and_says_what_it_held_when_cancelled()
    {
        var cohort = NewCohort();
        var waitlisted = CohortApplication.Submit(cohort, Guid.NewGuid(), [], Safety, ApplicationStatus.Waitlisted, 3, Now);
        var reviewed = CohortApplication.Submit(cohort, Guid.NewGuid(), [], Safety, ApplicationStatus.Applied, null, Now);

        Assert.Equal("APPLICATION_STATE_INVALID", Assert.Throws<DomainException>(() => waitlisted.Approve(Now, null)).Code);
        waitlisted.Promote(Now, null);
        Assert.Equal(ApplicationStatus.Approved, waitlisted.Cancel(cohort.ClassStartsAt, Now));
        Assert.Equal("APPLICATION_NOT_ACTIVE", Assert.Throws<DomainException>(() => waitlisted.Cancel(cohort.ClassStartsAt, Now)).Code);
        Assert.Equal("CLASS_ALREADY_STARTED", Assert.Throws<DomainException>(() => reviewed.Cancel(cohort.ClassStartsAt, cohort.ClassStartsAt)).Code);
        reviewed.Reject(" 경력 부족 ", Now);
        Assert.Equal((ApplicationStatus.Rejected, "경력 부족"), (reviewed.Status, reviewed.RejectionReason));
        Assert.Equal(
            [false, true, false],
            waitlisted.DomainEvents.OfType<CohortApplicationChanged>().Select(e => e.Promoted));
        Assert.Throws<ArgumentException>(() => CohortApplication.Submit(cohort, Guid.NewGuid(), [], Safety, ApplicationStatus.Waitlisted, null, Now));
    }

    [Fact]
    public void An_enrolment_ends_once()
    {
        var enrollment = Enrollment.Start(Guid.NewGuid(), Guid.NewGuid(), EnrollmentSource.Free, Now);

        enrollment.Refund(Now.AddDays(1));

        Assert.Equal((EnrollmentStatus.Refunded, Now.AddDays(1)), (enrollment.Status, enrollment.EndedAt));
        Assert.Equal("ENROLLMENT_NOT_ACTIVE", Assert.Throws<DomainException>(() => enrollment.Revoke(Now)).Code);
    }
}

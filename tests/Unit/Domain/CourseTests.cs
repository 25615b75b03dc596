using LectureHub.Domain.Common;
using LectureHub.Domain.Courses;

namespace LectureHub.UnitTests.Domain;

public sealed class CourseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Owner = Guid.NewGuid();

    private static CourseDetails Details(long price = 39_000) =>
        new(Guid.NewGuid(), " 특수용접기능사 실기 ", "TIG 용접 실기 대비", "# 소개", CourseLevel.Beginner, "ko", price, ["용접", "TIG", "tig", " "]);

    private static Course WithCurriculum(params int[] lecturesPerSection)
    {
        var course = Course.Draft(Owner, Details(), Now);
        course.ReplaceCurriculum(lecturesPerSection.Select((n, i) => new SectionPlan(null, $"섹션 {i + 1}",
            Enumerable.Range(1, n).Select(j => new LecturePlan(null, $"강의 {i + 1}-{j}", 600, j == 1)).ToList())).ToList(), Now);
        return course;
    }

    [Fact]
    public void A_new_course_is_a_draft_with_trimmed_title_and_distinct_tags()
    {
        var course = Course.Draft(Owner, Details(), Now);

        Assert.Equal((CourseStatus.Draft, "특수용접기능사 실기"), (course.Status, course.Title));
        Assert.Equal(["용접", "TIG"], course.Tags);
        Assert.True(course.IsOwnedBy(Owner));
        Assert.IsType<CourseChanged>(Assert.Single(course.DomainEvents));
    }

    [Fact]
    public void A_negative_price_is_refused() =>
        Assert.Equal("COURSE_PRICE_INVALID", Assert.Throws<DomainValidationException>(() => Course.Draft(Owner, Details(price: -1), Now)).Code);

    [Fact]
    public void Publishing_needs_at_least_one_lecture()
    {
        var empty = WithCurriculum(0);

        Assert.Equal("COURSE_NEEDS_A_LECTURE", Assert.Throws<DomainException>(() => empty.Publish(Now)).Code);

        var course = WithCurriculum(1);
        course.Publish(Now);
        Assert.Equal((CourseStatus.Published, Now), (course.Status, course.PublishedAt!.Value));
    }

    [Fact]
    public void The_curriculum_gets_dense_positions_in_the_given_order()
    {
        var course = WithCurriculum(3, 2);

        Assert.Equal([1, 2], course.Sections.Select(s => s.Position));
        Assert.All(course.Sections, s => Assert.Equal(Enumerable.Range(1, s.Lectures.Count), s.Lectures.Select(l => l.Position)));
        Assert.All(course.Lectures, l => Assert.Contains(course.Sections, s => s.Id == l.SectionId && s.Lectures.Contains(l)));
    }

    [Fact]
    public void Replacing_the_curriculum_keeps_ids_moves_lectures_and_drops_what_is_left_out()
    {
        var course = WithCurriculum(2, 1);
        var (first, second) = (course.Sections[0], course.Sections[1]);
        var moved = first.Lectures[1];

        course.ReplaceCurriculum(
        [
            new SectionPlan(second.Id, "둘째가 첫째로", [new LecturePlan(moved.Id, "옮긴 강의", 300, false), new LecturePlan(second.Lectures[0].Id, "원래 강의", 300, false)]),
            new SectionPlan(null, "새 섹션", [new LecturePlan(null, "새 강의", 120, true)]),
        ], Now);

        Assert.Equal([second.Id, course.Sections[1].Id], course.Sections.Select(s => s.Id));
        Assert.DoesNotContain(course.Sections, s => s.Id == first.Id);
        Assert.Equal((second.Id, 1, "옮긴 강의"), (moved.SectionId, moved.Position, moved.Title));
        Assert.Equal(3, course.Lectures.Count());
    }

    [Fact]
    public void A_curriculum_naming_an_unknown_or_repeated_item_is_refused()
    {
        var course = WithCurriculum(1);
        var lecture = course.Lectures.Single();

        Assert.Equal("CURRICULUM_UNKNOWN_ID", Assert.Throws<DomainValidationException>(() =>
            course.ReplaceCurriculum([new SectionPlan(Guid.NewGuid(), "x", [])], Now)).Code);
        Assert.Equal("CURRICULUM_DUPLICATE_ID", Assert.Throws<DomainValidationException>(() =>
            course.ReplaceCurriculum([new SectionPlan(null, "x", [new LecturePlan(lecture.Id, "a", 1, false), new LecturePlan(lecture.Id, "b", 1, false)])], Now)).Code);
    }

    [Fact]
    public void A_published_course_cannot_lose_its_last_lecture()
    {
        var course = WithCurriculum(1);
        course.Publish(Now);

        Assert.Equal("COURSE_NEEDS_A_LECTURE", Assert.Throws<DomainException>(() => course.ReplaceCurriculum([], Now)).Code);
    }

    [Fact]
    public void Status_flows_draft_to_published_to_archived_and_archived_is_frozen()
    {
        var course = WithCurriculum(1);
        Assert.Equal("COURSE_NOT_PUBLISHED", Assert.Throws<DomainException>(() => course.Archive(Now)).Code);

        course.Publish(Now);
        course.Archive(Now.AddDays(1));

        Assert.Equal(CourseStatus.Archived, course.Status);
        Assert.Equal("COURSE_ARCHIVED", Assert.Throws<DomainException>(() => course.UpdateDetails(Details(), Now)).Code);
        Assert.Equal("COURSE_ARCHIVED", Assert.Throws<DomainException>(() => course.Publish(Now)).Code);
    }

    [Fact]
    public void One_command_raises_one_change_event_however_many_edits_it_makes()
    {
        var course = WithCurriculum(1);
        course.ClearDomainEvents();

        course.UpdateDetails(Details(), Now);
        course.Publish(Now);

        Assert.Single(course.DomainEvents);
    }
}

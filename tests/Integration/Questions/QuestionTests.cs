using System.Net;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Questions;

public sealed record Person(Guid Id, string DisplayName);

public sealed record Answer(Guid Id, Person Author, bool ByInstructor, string BodyMarkdown, string BodyHtml, bool Accepted);

public sealed record Question(
    Guid Id, Guid CourseId, Guid? LectureId, string? LectureTitle, int? AtSeconds, string Title, string BodyHtml, Person Author, Guid? AcceptedAnswerId,
    List<Answer> Answers);

public sealed record QuestionCard(Guid Id, Guid CourseId, string CourseTitle, string Title, int AnswerCount, bool HasAcceptedAnswer);

public sealed record QuestionPage(List<QuestionCard> Items, string? NextCursor);

public sealed class QuestionTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Enrolled_students_and_the_instructor_ask_answer_and_accept_and_no_one_else_can()
    {
        var (instructor, course, student) = await CourseWithStudentAsync();
        var classmate = await EnrolledAsync("park@example.com", course.Id);
        var stranger = await Client.SignUpAsync("stranger@example.com");
        var lecture = course.Curriculum[0].Lectures[0];

        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course.Id}/questions", stranger, new { title = "질문", body = "본문" }))
            .ProblemAsync(HttpStatusCode.Forbidden, "ENROLLMENT_REQUIRED");
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course.Id}/questions", student, new { title = "질문", body = "본문", lectureId = Guid.NewGuid() }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "LECTURE_NOT_IN_COURSE");
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course.Id}/questions", student, new { title = "질문", body = "본문", atSeconds = 5 }))
            .ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        var question = await AskAsync(student, course.Id, "1분 35초의 토치 각도", "**몇 도**인가요?", lecture.Id, 95);
        Assert.Equal((lecture.Id, lecture.Title, 95, "<p><strong>몇 도</strong>인가요?</p>\n"), (question.LectureId, question.LectureTitle, question.AtSeconds, question.BodyHtml));

        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/questions/{question.Id}/answers", stranger, new { body = "저도 궁금" }))
            .ProblemAsync(HttpStatusCode.Forbidden, "ENROLLMENT_REQUIRED");
        var byInstructor = await AnswerAsync(instructor, question.Id, "15도 정도입니다.");
        var byClassmate = await AnswerAsync(classmate, question.Id, "저는 20도로 합니다.");
        Assert.Equal([true, false], byClassmate.Answers.Select(a => a.ByInstructor));

        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/questions/{question.Id}/accepted-answer", classmate, new { answerId = byClassmate.Answers[1].Id }))
            .ProblemAsync(HttpStatusCode.Forbidden, "NOT_ASKER_OR_INSTRUCTOR");
        var accepted = await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/questions/{question.Id}/accepted-answer", student, new { answerId = byClassmate.Answers[1].Id }))
            .ReadAsync<Question>();
        Assert.Equal((byClassmate.Answers[1].Id, "저는 20도로 합니다.", true), (accepted.AcceptedAnswerId, accepted.Answers[0].BodyMarkdown, accepted.Answers[0].Accepted));
        var reaccepted = await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/questions/{question.Id}/accepted-answer", instructor, new { answerId = byInstructor.Answers[0].Id }))
            .ReadAsync<Question>();
        Assert.Equal(byInstructor.Answers[0].Id, reaccepted.AcceptedAnswerId);

        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/questions/{question.Id}", classmate, new { title = "바꿈", body = "바꿈" })).ProblemAsync(HttpStatusCode.Forbidden, "NOT_AUTHOR");
        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/answers/{byInstructor.Answers[0].Id}", student, new { body = "바꿈" })).ProblemAsync(HttpStatusCode.Forbidden, "NOT_AUTHOR");
        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Put, $"/api/v1/answers/{byInstructor.Answers[0].Id}", instructor, new { body = "15도가 기본입니다." })).StatusCode);
    }

    [Fact]
    public async Task The_instructor_lists_unanswered_questions_across_their_courses()
    {
        var (instructor, course, student) = await CourseWithStudentAsync();
        var second = await Client.FreeCourseAsync(instructor, await Factory.WeldingCategoryAsync(), 1);
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{second.Id}/enrollment", student)).ReadAsync<object>(HttpStatusCode.Created);
        var other = await Client.FreeCourseAsync(await Client.SignUpAsync("other@example.com", "Instructor"), await Factory.WeldingCategoryAsync(), 1);
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{other.Id}/enrollment", student)).ReadAsync<object>(HttpStatusCode.Created);

        var answered = await AskAsync(student, course.Id, "답변된 질문");
        var open = await AskAsync(student, second.Id, "열린 질문");
        await AskAsync(student, other.Id, "다른 강사의 질문");
        await AnswerAsync(instructor, answered.Id, "답");

        var queue = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/instructor/questions", instructor)).ReadAsync<QuestionPage>();
        var all = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/instructor/questions?unanswered=false", instructor)).ReadAsync<QuestionPage>();
        await Api.SettledAsync();
        var onCourse = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/courses/{course.Id}/questions")).ReadAsync<QuestionPage>();
        var unansweredOnCourse = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/courses/{course.Id}/questions?unanswered=true")).ReadAsync<QuestionPage>();

        Assert.Equal(open.Id, Assert.Single(queue.Items).Id);
        Assert.Equal([open.Id, answered.Id], all.Items.Select(q => q.Id));
        Assert.Equal((answered.Id, 1), (Assert.Single(onCourse.Items).Id, onCourse.Items[0].AnswerCount));
        Assert.Empty(unansweredOnCourse.Items);
        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/instructor/questions", student)).ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    internal async Task<(Tokens Instructor, CourseDraft Course, Tokens Student)> CourseWithStudentAsync()
    {
        var instructor = await Client.SignUpAsync("kim@example.com", "Instructor", "김강사");
        var course = await Client.FreeCourseAsync(instructor, await Factory.WeldingCategoryAsync(), 2, 1);
        return (instructor, course, await EnrolledAsync("lee@example.com", course.Id));
    }

    private async Task<Tokens> EnrolledAsync(string email, Guid courseId)
    {
        var student = await Client.SignUpAsync(email, displayName: "이학생");
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{courseId}/enrollment", student)).ReadAsync<object>(HttpStatusCode.Created);
        return student;
    }

    private async Task<Question> AskAsync(Tokens student, Guid courseId, string title, string body = "본문", Guid? lectureId = null, int? atSeconds = null) =>
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{courseId}/questions", student, new { title, body, lectureId, atSeconds }))
            .ReadAsync<Question>(HttpStatusCode.Created);

    private async Task<Question> AnswerAsync(Tokens author, Guid questionId, string body) =>
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/questions/{questionId}/answers", author, new { body })).ReadAsync<Question>(HttpStatusCode.Created);
}

using System.Net;
using LectureHub.IntegrationTests.Community;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Notifications;

public sealed record Notification(Guid Id, string Kind, string Title, string Excerpt, string TargetType, Guid TargetId, string Path, DateTimeOffset? ReadAt);

public sealed record NotificationPage(List<Notification> Items, string? NextCursor, int UnreadCount);

public sealed record InboxState(int UnreadCount);

public sealed record Preferences(Dictionary<string, bool> Email);

public sealed class NotificationTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Each_event_reaches_the_inbox_and_smtp_in_the_recipients_language()
    {
        var instructor = await Client.SignUpAsync("kim@example.com", "Instructor", "김강사");
        var course = await Client.FreeCourseAsync(instructor, await Factory.WeldingCategoryAsync(), 1);
        var student = await Client.SignUpAsync("lee@example.com", displayName: "Lee", language: "en");
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course.Id}/enrollment", student)).ReadAsync<object>(HttpStatusCode.Created);

        // A question notifies the instructor; the instructor's answer notifies the asker (in English).
        var question = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course.Id}/questions", student, new { title = "Torch angle?", body = "At 1:35" }))
            .ReadAsync<Questions.Question>(HttpStatusCode.Created);
        await Client.SendAsync(HttpMethod.Post, $"/api/v1/questions/{question.Id}/answers", instructor, new { body = "About 15 degrees." });
        // The instructor's reply to a review notifies the reviewer.
        var review = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course.Id}/reviews", student, new { rating = 5, body = "Great" }))
            .ReadAsync<Reviews.Review>(HttpStatusCode.Created);
        await Client.SendAsync(HttpMethod.Put, $"/api/v1/reviews/{review.Id}/reply", instructor, new { reply = "감사합니다" });
        // A reply to a comment notifies the comment's author.
        var board = await Factory.BoardAsync(Client);
        var post = await Client.WritePostAsync(student, board.Id, "용접기 추천");
        var comment = await Client.CommentAsync(student, post.Id, "제 댓글");
        await Client.CommentAsync(instructor, post.Id, "답글입니다", comment.Id);
        await Api.OutboxDrainedAsync();

        var instructorInbox = await InboxAsync(instructor);
        var studentInbox = await InboxAsync(student);
        Assert.Equal(("QuestionAsked", "question", question.Id, $"/api/v1/questions/{question.Id}"),
            (instructorInbox.Items.Single().Kind, instructorInbox.Items[0].TargetType, instructorInbox.Items[0].TargetId, instructorInbox.Items[0].Path));
        Assert.Equal("Lee님이 '특수용접기능사 실기 완성'에 질문했습니다: Torch angle?", instructorInbox.Items[0].Title);
        Assert.Equal(["CommentReplied", "ReviewReplied", "AnswerPosted"], studentInbox.Items.Select(n => n.Kind));
        Assert.Equal((3, post.Id, review.Id), (studentInbox.UnreadCount, studentInbox.Items[0].TargetId, studentInbox.Items[1].TargetId));
        Assert.Equal("김강사 answered your question 'Torch angle?'", studentInbox.Items[2].Title);

        var toInstructor = Assert.Single(await Mailbox.WaitForAsync("kim@example.com"));
        var toStudent = await Mailbox.WaitForAsync("lee@example.com", 3);
        Assert.Equal("[LectureHub] '특수용접기능사 실기 완성'에 새 질문이 있습니다", toInstructor.Subject);
        Assert.Equal(
            ["[LectureHub] A reply to your comment", "[LectureHub] The instructor replied to your review", "[LectureHub] Your question has an answer"],
            toStudent.Select(e => e.Subject).Order());
        Assert.Contains("About 15 degrees.", toStudent.Single(e => e.Subject.Contains("answer", StringComparison.Ordinal)).Text);
    }

    [Fact]
    public async Task Reading_marks_the_inbox_and_a_redelivered_event_makes_no_second_row()
    {
        var (instructor, student, post) = await ThreadAsync();
        var comment = await Client.CommentAsync(student, post.Id, "첫 댓글");
        await Client.CommentAsync(instructor, post.Id, "답글 1", comment.Id);
        await Client.CommentAsync(instructor, post.Id, "답글 2", comment.Id);
        await Api.OutboxDrainedAsync();
        var inbox = await InboxAsync(student);
        Assert.Equal(2, inbox.UnreadCount);

        var one = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/me/notifications/{inbox.Items[0].Id}/read", student)).ReadAsync<InboxState>();
        var again = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/me/notifications/{inbox.Items[0].Id}/read", student)).ReadAsync<InboxState>();
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/me/notifications/{inbox.Items[0].Id}/read", instructor)).ProblemAsync(HttpStatusCode.NotFound, "NOTIFICATION_NOT_FOUND");
        var unreadOnly = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me/notifications?unreadOnly=true", student)).ReadAsync<NotificationPage>();
        Assert.Equal((1, 1), (one.UnreadCount, again.UnreadCount));
        Assert.Equal(inbox.Items[1].Id, Assert.Single(unreadOnly.Items).Id);
        Assert.Equal(0, (await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/notifications/read-all", student)).ReadAsync<InboxState>()).UnreadCount);

        // The outbox delivers at least once: the same events again add no inbox row (the emails keep their Message-ID).
        await Mailbox.WaitForAsync("lee@example.com", 2);
        await Api.ScalarAsync<object>(ApiFactory.PrimaryConnectionString,
            "UPDATE outbox_messages SET processed_at = NULL, next_attempt_at = now() - interval '1 second' WHERE type = 'CommentWritten'");
        await Api.OutboxDrainedAsync();
        var emails = await Mailbox.WaitForAsync("lee@example.com", 4);
        Assert.Equal(2, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString,
            "SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = 'lee@example.com'"));
        Assert.Equal(2, emails.Select(e => e.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task A_kind_turned_off_for_email_still_reaches_the_inbox()
    {
        var (instructor, student, post) = await ThreadAsync();
        var defaults = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me/notification-preferences", student)).ReadAsync<Preferences>();
        Assert.All(defaults.Email.Values, Assert.True);

        var set = await (await Client.SendAsync(HttpMethod.Put, "/api/v1/me/notification-preferences", student, new { email = new { CommentReplied = false } }))
            .ReadAsync<Preferences>();
        Assert.Equal((false, true), (set.Email["CommentReplied"], set.Email["AnswerPosted"]));
        await (await Client.SendAsync(HttpMethod.Put, "/api/v1/me/notification-preferences", student, new { email = new { Birthday = false } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_JSON");

        var comment = await Client.CommentAsync(student, post.Id, "첫 댓글");
        await Client.CommentAsync(instructor, post.Id, "답글", comment.Id);
        await Api.OutboxDrainedAsync();

        Assert.Equal("CommentReplied", Assert.Single((await InboxAsync(student)).Items).Kind);
        Assert.Empty(await Mailbox.ToAsync("lee@example.com"));
    }

    private async Task<(Tokens Instructor, Tokens Student, Post Post)> ThreadAsync()
    {
        var instructor = await Client.SignUpAsync("kim@example.com", "Instructor", "김강사");
        var student = await Client.SignUpAsync("lee@example.com", displayName: "이학생");
        var board = await Factory.BoardAsync(Client);
        return (instructor, student, await Client.WritePostAsync(student, board.Id));
    }

    /// <summary>The outbox wrote the rows, not the reader, so the reader's standby must have them first.</summary>
    private async Task<NotificationPage> InboxAsync(Tokens user)
    {
        await Api.StandbyCaughtUpAsync();
        return await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me/notifications", user)).ReadAsync<NotificationPage>();
    }
}

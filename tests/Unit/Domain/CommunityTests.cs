using LectureHub.Domain.Common;
using LectureHub.Domain.Community;

namespace LectureHub.UnitTests.Domain;

public sealed class CommunityTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly RenderedText Text = new("본문", "<p>본문</p>");

    private static Post NewPost() => Post.Write(Guid.NewGuid(), Guid.NewGuid(), "  제목 ", Text, Now);

    [Fact]
    public void A_reply_to_a_reply_joins_the_thread_of_its_top_level_comment()
    {
        var post = NewPost();
        var top = Comment.Write(post, null, Guid.NewGuid(), Text, Now);
        var reply = Comment.Write(post, top, Guid.NewGuid(), Text, Now);
        var replyToReply = Comment.Write(post, reply, Guid.NewGuid(), Text, Now);

        Assert.Equal((top.Id, null), (top.ThreadId, top.ParentId));
        Assert.Equal((top.Id, top.Id), (reply.ThreadId, reply.ParentId));
        Assert.Equal((top.Id, top.Id), (replyToReply.ThreadId, replyToReply.ParentId));
        Assert.Equal(reply.Id, Assert.IsType<CommentWritten>(Assert.Single(replyToReply.DomainEvents)).RepliedToCommentId);
        Assert.Equal("제목", post.Title);
    }

    [Fact]
    public void Locked_or_deleted_posts_take_no_comments_and_deleted_comments_take_no_replies()
    {
        var locked = NewPost();
        locked.Moderate(hidden: null, locked: true, pinned: null, Now);
        var deleted = NewPost();
        deleted.Delete(Now);
        var open = NewPost();
        var gone = Comment.Write(open, null, Guid.NewGuid(), Text, Now);
        gone.Delete(Now);

        Assert.Equal("POST_LOCKED", Assert.Throws<DomainException>(() => Comment.Write(locked, null, Guid.NewGuid(), Text, Now)).Code);
        Assert.Equal("POST_DELETED", Assert.Throws<DomainException>(() => Comment.Write(deleted, null, Guid.NewGuid(), Text, Now)).Code);
        Assert.Equal("POST_DELETED", Assert.Throws<DomainException>(() => deleted.Edit("t", Text, Now)).Code);
        Assert.Equal("COMMENT_NOT_REPLYABLE", Assert.Throws<DomainException>(() => Comment.Write(open, gone, Guid.NewGuid(), Text, Now)).Code);
        Assert.Equal("COMMENT_NOT_REPLYABLE", Assert.Throws<DomainException>(() => Comment.Write(NewPost(), Comment.Write(open, null, Guid.NewGuid(), Text, Now), Guid.NewGuid(), Text, Now)).Code);
    }

    [Fact]
    public void Hiding_and_deleting_report_how_the_visible_count_moves()
    {
        var comment = Comment.Write(NewPost(), null, Guid.NewGuid(), Text, Now);

        Assert.Equal(-1, comment.Hide(true));
        Assert.Equal(0, comment.Hide(true));
        Assert.False(comment.Delete(Now)); // hidden already: the count moved when it was hidden
        Assert.Equal(0, comment.Hide(false)); // deleted stays invisible
        Assert.False(comment.Delete(Now));
        Assert.True(Comment.Write(NewPost(), null, Guid.NewGuid(), Text, Now).Delete(Now));
    }

    [Fact]
    public void Pinning_keeps_the_first_pin_time_and_unpinning_clears_it()
    {
        var post = NewPost();
        post.Moderate(null, null, pinned: true, Now);
        post.Moderate(null, null, pinned: true, Now.AddHours(1));
        Assert.Equal(Now, post.PinnedAt);
        post.Moderate(hidden: true, null, pinned: false, Now);
        Assert.Equal((null, true, false), (post.PinnedAt, post.IsHidden, post.IsVisible));
    }

    [Fact]
    public void A_report_is_resolved_once_by_hiding_or_dismissing()
    {
        var report = Report.File(ReportTarget.Post, Guid.NewGuid(), Guid.NewGuid(), ReportReason.Spam, " 광고 ", Now);
        Assert.Equal("REPORT_OUTCOME_INVALID", Assert.Throws<DomainException>(() => report.Resolve(ReportStatus.Open, Guid.NewGuid(), Now)).Code);
        report.Resolve(ReportStatus.Dismissed, Guid.NewGuid(), Now);

        Assert.Equal(("광고", ReportStatus.Dismissed), (report.Detail, report.Status));
        Assert.Equal("REPORT_RESOLVED", Assert.Throws<DomainException>(() => report.Resolve(ReportStatus.Hidden, Guid.NewGuid(), Now)).Code);
    }

    [Fact]
    public void A_board_slug_is_checked()
    {
        Assert.Equal("BOARD_SLUG_INVALID", Assert.Throws<DomainException>(() => Board.Create("Bad Slug", "가", "A", "", null, 0)).Code);
        Assert.Equal("general", Board.Create("general", " 자유게시판 ", "General", "", null, 0).Slug);
    }
}

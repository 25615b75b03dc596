using System.Net.Http.Json;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Cohorts.Commands;
using LectureHub.Application.Community;
using LectureHub.Application.Community.Commands;
using LectureHub.Application.Courses;
using LectureHub.Application.Courses.Commands;
using LectureHub.Application.Enrollments.Commands;
using LectureHub.Application.Learning;
using LectureHub.Application.Learning.Commands;
using LectureHub.Application.Media.Commands;
using LectureHub.Application.Payments.Commands;
using LectureHub.Application.Questions.Commands;
using LectureHub.Application.Reviews.Commands;
using LectureHub.Domain.Cohorts;
using LectureHub.Domain.Community;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Enrollments;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Media;
using LectureHub.Infrastructure.Payments;
using LectureHub.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Demo;

/// <summary>
/// Seeds the demo shop through the use cases themselves, each sent as the demo account that would do it: instructors
/// publish courses (with generated thumbnails and videos through the real pipeline), students enrol, buy through the
/// payment gateway (the PG simulator), apply to cohorts and talk on the boards. Idempotent: every step first looks for
/// what it would add, so a second run, or one after an interrupted run, adds only what is missing. The uploaded videos
/// are left Queued: the API's transcode worker encodes them in the background once it starts.
/// </summary>
internal sealed class DemoSeeder(
    IServiceProvider services, IOptions<MediaOptions> media, IOptions<PaymentGatewayOptions> gateway, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    private Dictionary<string, DemoUser> _users = [];
    private readonly Dictionary<string, CourseDraftDto> _courses = [];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var emails = DatabaseSetup.DemoAccounts.Select(a => User.Normalize(a.Email)).ToList();
        _users = await QueryAsync(db => db.Users.Where(u => emails.Contains(u.NormalizedEmail))
            .Select(u => new DemoUser(u.Id, u.Email, u.Role)).ToDictionaryAsync(u => u.Email, cancellationToken));
        await CoursesAsync(cancellationToken);
        await VideosAsync(cancellationToken);
        await CohortsAsync(cancellationToken);
        await LearningAsync(cancellationToken);
        await PurchaseAsync(cancellationToken);
        await CommunityAsync(cancellationToken);
    }

    private async Task CoursesAsync(CancellationToken ct)
    {
        var categories = await QueryAsync(db => db.Categories.ToDictionaryAsync(c => c.Slug, c => (c.Id, c.LabelEn, c.SortOrder), ct));
        var made = 0;
        foreach (var demo in DemoCatalog.Courses)
        {
            var instructor = _users[demo.Instructor];
            var (categoryId, tradeEn, order) = categories[demo.Trade];
            var id = await QueryAsync(db => db.Courses.Where(c => c.InstructorId == instructor.Id && c.Title == demo.Title).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct));
            var course = id is { } existing
                ? await LoadCourseAsync(existing, ct)
                : await AsAsync(instructor, new CreateCourseCommand(categoryId, demo.Title, demo.Summary, Description(demo), demo.Level, "ko", demo.PriceKrw, demo.Tags), ct);
            if (course.Curriculum.Count == 0)
            {
                course = await AsAsync(instructor, new ReplaceCurriculumCommand(DemoCatalog.Curriculum(demo)) { CourseId = course.Id }, ct);
            }

            if (course.Thumbnail is null)
            {
                var image = await new DemoMedia(media.Value).ThumbnailAsync(tradeEn, order * 3 + _courses.Count * 11, ScratchDirectory(), ct);
                course = await AsAsync(instructor, new SetCourseThumbnailCommand(course.Id, new MemoryStream(image), image.Length), ct);
            }

            if (course.Status == CourseStatus.Draft)
            {
                course = await AsAsync(instructor, new PublishCourseCommand(course.Id), ct);
                made++;
            }

            _courses[demo.Title] = course;
        }

        if (!await QueryAsync(db => db.Coupons.AnyAsync(c => c.Code == DemoCatalog.CouponCode, ct)))
        {
            var now = clock.GetUtcNow();
            await AsAsync(_users[DemoCatalog.Kim], new CreateCouponCommand(DemoCatalog.CouponCode, 20, null, now.AddDays(-1), now.AddYears(1), 1000, false), ct);
        }

        logger.LogInformation("Demo catalog: published {Made} course(s) now, {Total} in all; coupon {Coupon}", made, _courses.Count, DemoCatalog.CouponCode);
    }

    private async Task VideosAsync(CancellationToken ct)
    {
        foreach (var title in new[] { DemoCatalog.FreeVideoCourse, DemoCatalog.PaidVideoCourse })
        {
            var course = _courses[title];
            var lecture = course.Curriculum[0].Lectures[0];
            var instructor = InstructorOf(title);
            if (title == DemoCatalog.FreeVideoCourse && !await QueryAsync(db => db.LectureSubtitles.AnyAsync(s => s.LectureId == lecture.Id, ct)))
            {
                await AsAsync(instructor, new PutSubtitleCommand(lecture.Id, "ko", "한국어", DemoMedia.KoreanSubtitles(DemoCatalog.VideoSeconds)), ct);
            }

            var status = await QueryAsync(db => db.LectureVideos.Where(v => v.LectureId == lecture.Id).OrderByDescending(v => v.CreatedAt)
                .Select(v => (Domain.Media.VideoStatus?)v.Status).FirstOrDefaultAsync(ct));
            if (status is not null and not Domain.Media.VideoStatus.Uploading)
            {
                continue;
            }

            var trade = DatabaseSetup.TradeCategories.Single(t => t.Slug == DemoCatalog.Course(title).Trade).En;
            var source = await new DemoMedia(media.Value).LectureSourceAsync(trade, DemoCatalog.VideoSeconds, ScratchDirectory(), ct);
            try
            {
                var size = new FileInfo(source).Length;
                var upload = await AsAsync(instructor, new StartVideoUploadCommand(lecture.Id, "demo-lecture.mp4", size), ct);
                await using (var file = File.OpenRead(source))
                {
                    upload = await AsAsync(instructor, new AppendVideoChunkCommand(upload.Id, 0, size - 1, size, file), ct);
                }

                logger.LogInformation("Demo video for \"{Lecture}\" uploaded and probed: {Status}; follow the transcode at GET /api/v1/video-uploads/{UploadId}",
                    lecture.Title, upload.Status, upload.Id);
            }
            finally
            {
                File.Delete(source);
            }
        }
    }

    private async Task CohortsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var welding = _courses[DemoCatalog.PaidVideoCourse].Id;
        var questions = new List<FormQuestion>
        {
            new("experience", "용접 경력", QuestionKind.SingleChoice, true, ["없음", "1년 미만", "1~3년", "3년 이상"]),
            new("goal", "수강 목표를 적어 주세요", QuestionKind.Text, false, []),
        };
        var terms = new List<CohortTerm>
        {
            new("safety", 1, "실습 안전 서약", "실습장에서는 보호구를 착용하고 강사의 안전 지시에 따릅니다.", true),
            new("privacy", 1, "개인정보 수집·이용 동의", "선발과 연락을 위해 이름과 이메일을 수업 종료 후 1년간 보관합니다.", true),
        };
        await CohortAsync("TIG 용접 주말 실습반 (선착순)", SelectionType.FirstCome, 20, 10);
        var reviewed = await CohortAsync("특수용접 실기 합격반 (서류 심사)", SelectionType.Review, 12, 0);
        var lee = _users[DemoCatalog.Lee];
        if (!await QueryAsync(db => db.CohortApplications.AnyAsync(a => a.CohortId == reviewed && a.StudentId == lee.Id, ct)))
        {
            await AsAsync(lee, new ApplyToCohortCommand(reviewed,
                [new("experience", ["1년 미만"]), new("goal", ["올해 안에 특수용접기능사 실기 합격"])], terms.Select(t => new AcceptedTerm(t.Code, t.Version)).ToList()), ct);
        }

        async Task<Guid> CohortAsync(string title, SelectionType selection, int capacity, int waitlist)
        {
            if (await QueryAsync(db => db.Cohorts.Where(c => c.Title == title).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct)) is { } id)
            {
                return id;
            }

            var cohort = await AsAsync(_users[DemoCatalog.Kim], new CreateCohortCommand(title, "국가기술자격 실기 대비 오프라인 실습반입니다. 장비와 재료는 제공됩니다.", welding,
                capacity, waitlist, selection, now.AddDays(-1), now.AddDays(30), now.AddDays(45), now.AddDays(75), "서울 금천구 실습장", false, 0,
                CohortVisibility.Public, questions, terms), ct);
            return cohort.Id;
        }
    }

    /// <summary>
    /// Enrolments in free courses, and the demo student's earlier watching of the video lecture. That history goes in
    /// through the command the heartbeat flusher sends with verified heartbeats; live watching is verified beat by beat.
    /// </summary>
    private async Task LearningAsync(CancellationToken ct)
    {
        foreach (var (student, course) in DemoCommunity.FreeEnrolments.Prepend((DemoCatalog.Lee, DemoCatalog.FreeVideoCourse)))
        {
            await AsAsync(_users[student], new EnrollInFreeCourseCommand(_courses[course].Id), ct);
        }

        var lee = _users[DemoCatalog.Lee];
        var lectures = _courses[DemoCatalog.FreeVideoCourse].Curriculum.SelectMany(s => s.Lectures).ToList();
        if (!await QueryAsync(db => db.LectureProgress.AnyAsync(p => p.StudentId == lee.Id && lectures.Select(l => l.Id).Contains(p.LectureId), ct)))
        {
            var at = clock.GetUtcNow().AddDays(-1);
            await AsAsync(lee, new MergeWatchedIntervalsCommand(
            [
                new WatchRecord(lee.Id, lectures[0].Id, 0, 20_000, 20_000, at),
                new WatchRecord(lee.Id, lectures[1].Id, 0, lectures[1].DurationSeconds * 1000, lectures[1].DurationSeconds * 1000, at.AddMinutes(20)),
            ]), ct);
        }
    }

    /// <summary>The demo student buys the paid video course through the payment gateway (the PG simulator in development).</summary>
    private async Task PurchaseAsync(CancellationToken ct)
    {
        var lee = _users[DemoCatalog.Lee];
        var course = _courses[DemoCatalog.PaidVideoCourse];
        if (await QueryAsync(db => db.Enrollments.AnyAsync(e => e.StudentId == lee.Id && e.CourseId == course.Id && e.Status == EnrollmentStatus.Active, ct)))
        {
            return;
        }

        using var simulator = new HttpClient { BaseAddress = new Uri(gateway.Value.BaseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        await EnsureSimulatorAsync(simulator, ct);
        var order = await AsAsync(lee, new PlaceOrderCommand([course.Id]), ct);
        using var checkout = await simulator.PostAsJsonAsync("sim/checkout", new { orderId = order.Id, amount = order.AmountKrw }, ct);
        if (!checkout.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The PG simulator at {simulator.BaseAddress} refused the demo checkout: {(int)checkout.StatusCode}. Start it first (scripts/run.sh does).");
        }

        var paymentKey = (await checkout.Content.ReadFromJsonAsync<SimulatorCheckout>(ct))?.PaymentKey
                         ?? throw new InvalidOperationException("The PG simulator's checkout answered without a paymentKey.");
        var paid = await AsAsync(lee, new ConfirmOrderWorkflow(order.Id, paymentKey, order.AmountKrw), ct);
        logger.LogInformation("Demo purchase: {Student} bought \"{Course}\" for {Amount} KRW through {Gateway}: {Status}",
            lee.Email, course.Title, paid.AmountKrw, simulator.BaseAddress, paid.Status);
    }

    /// <summary>Before an order is placed, so a missing simulator leaves no pending order behind.</summary>
    private static async Task EnsureSimulatorAsync(HttpClient simulator, CancellationToken ct)
    {
        try
        {
            using var stats = await simulator.GetAsync("sim/webhooks/stats", ct);
            stats.EnsureSuccessStatusCode();
        }
        catch (HttpRequestException error)
        {
            throw new InvalidOperationException(
                $"The demo purchase goes through the PG simulator, which did not answer at {simulator.BaseAddress} ({error.Message}). " +
                "Start it (scripts/run.sh does, before seeding) or point Payments:Gateway:BaseUrl at it, then run migrate --demo-data again.", error);
        }
    }

    private async Task CommunityAsync(CancellationToken ct)
    {
        var boards = await QueryAsync(db => db.Boards.ToDictionaryAsync(b => b.Slug, b => b.Id, ct));
        var (posts, reviews, questions) = (0, 0, 0);
        foreach (var post in DemoCommunity.Posts)
        {
            var author = _users[post.Author];
            if (await QueryAsync(db => db.Posts.AnyAsync(p => p.AuthorId == author.Id && p.Title == post.Title, ct)))
            {
                continue;
            }

            var postId = await AsAsync(author, new WritePostCommand(boards[post.Board], post.Title, post.Body), ct);
            posts++;
            Guid? first = null;
            foreach (var (commenter, body) in post.Comments)
            {
                var commentId = await AsAsync(_users[commenter], new WriteCommentCommand(postId, first, body), ct);
                first ??= commentId;
            }

            foreach (var liker in post.Likers)
            {
                await AsAsync(_users[liker], new ReactCommand(ReactionTarget.Post, postId, ReactionKind.Like), ct);
            }
        }

        foreach (var review in DemoCommunity.Reviews)
        {
            var (student, course) = (_users[review.Student], _courses[review.Course]);
            if (await QueryAsync(db => db.Reviews.AnyAsync(r => r.CourseId == course.Id && r.StudentId == student.Id, ct)))
            {
                continue;
            }

            var reviewId = await AsAsync(student, new WriteReviewCommand(course.Id, review.Rating, review.Body), ct);
            reviews++;
            if (review.Reply is { } reply)
            {
                await AsAsync(InstructorOf(review.Course), new ReplyToReviewCommand(reviewId, reply), ct);
            }
        }

        foreach (var question in DemoCommunity.Questions)
        {
            var (student, course) = (_users[question.Student], _courses[question.Course]);
            if (await QueryAsync(db => db.Questions.AnyAsync(q => q.AuthorId == student.Id && q.Title == question.Title, ct)))
            {
                continue;
            }

            var lecture = course.Curriculum[0].Lectures[0].Id;
            var questionId = await AsAsync(student, new AskQuestionCommand(course.Id, lecture, question.AtSeconds, question.Title, question.Body), ct);
            questions++;
            var instructor = InstructorOf(question.Course);
            var answerId = await AsAsync(instructor, new AnswerQuestionCommand(questionId, question.Answer), ct);
            await AsAsync(student, new AcceptAnswerCommand(questionId, answerId), ct);
        }

        logger.LogInformation("Demo community: added {Posts} post(s), {Reviews} review(s), {Questions} question(s)", posts, reviews, questions);
    }

    private DemoUser InstructorOf(string courseTitle) => _users[DemoCatalog.Course(courseTitle).Instructor];

    private static string Description(DemoCourse course) =>
        $"{course.Summary}\n\n이 강의는 LectureHub 데모 데이터입니다. 커리큘럼: {string.Join(" → ", course.Sections)}.";

    private string ScratchDirectory() => Directory.CreateDirectory(Path.Combine(media.Value.Root, "demo-scratch")).FullName;

    private async Task<CourseDraftDto> LoadCourseAsync(Guid id, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var course = await scope.ServiceProvider.GetRequiredService<IRepository<Course>>().SingleOrDefaultAsync(new CourseWithCurriculumSpec(id), ct);
        return CourseDraftDto.From(course!);
    }

    /// <summary>One use case, sent in its own scope as <paramref name="actor"/>: its own unit of work, validation and rules.</summary>
    private Task<T> AsAsync<T>(DemoUser actor, ICommand<T> command, CancellationToken ct) => InScopeAsync(actor, sender => sender.Send(command, ct));

    private Task<T> AsAsync<T>(DemoUser actor, IWorkflow<T> workflow, CancellationToken ct) => InScopeAsync(actor, sender => sender.Send(workflow, ct));

    private async Task<T> InScopeAsync<T>(DemoUser actor, Func<ISender, ValueTask<T>> send)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<DemoActor>().Become(actor);
        return await send(scope.ServiceProvider.GetRequiredService<ISender>());
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private sealed record SimulatorCheckout(string PaymentKey);
}

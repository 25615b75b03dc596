using LectureHub.Domain.Audit;
using LectureHub.Domain.Categories;
using LectureHub.Domain.Cohorts;
using LectureHub.Domain.Community;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Enrollments;
using LectureHub.Domain.Learning;
using LectureHub.Domain.Live;
using LectureHub.Domain.Media;
using LectureHub.Domain.Payments;
using LectureHub.Domain.Questions;
using LectureHub.Domain.Reviews;
using LectureHub.Domain.Settlement;
using LectureHub.Domain.Terms;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Cohorts;
using LectureHub.Infrastructure.Courses;
using LectureHub.Infrastructure.Dashboard;
using LectureHub.Infrastructure.Learning;
using LectureHub.Infrastructure.Outbox;
using LectureHub.Infrastructure.Payments.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LectureHub.Infrastructure.Persistence;

/// <summary>The write model. Talks to the primary only; reads for screens go through <see cref="ReadDb"/>.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();

    public DbSet<InstructorApplication> InstructorApplications => Set<InstructorApplication>();

    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();

    public DbSet<ExternalLogin> ExternalLogins => Set<ExternalLogin>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<TermsDocument> TermsDocuments => Set<TermsDocument>();

    public DbSet<TermsDecision> TermsDecisions => Set<TermsDecision>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Course> Courses => Set<Course>();

    public DbSet<CourseLikeRow> CourseLikes => Set<CourseLikeRow>();

    public DbSet<CourseStatsRow> CourseStats => Set<CourseStatsRow>();

    public DbSet<Enrollment> Enrollments => Set<Enrollment>();

    public DbSet<Cohort> Cohorts => Set<Cohort>();

    public DbSet<CohortApplication> CohortApplications => Set<CohortApplication>();

    public DbSet<CohortSlot> CohortSlots => Set<CohortSlot>();

    public DbSet<LectureVideo> LectureVideos => Set<LectureVideo>();

    public DbSet<TranscodeJob> TranscodeJobs => Set<TranscodeJob>();

    public DbSet<LectureSubtitle> LectureSubtitles => Set<LectureSubtitle>();

    public DbSet<LectureProgressRow> LectureProgress => Set<LectureProgressRow>();

    public DbSet<LearnerDayRow> LearnerDays => Set<LearnerDayRow>();

    public DbSet<PlatformDayRow> PlatformDays => Set<PlatformDayRow>();

    public DbSet<LiveSession> LiveSessions => Set<LiveSession>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<LectureMaterial> LectureMaterials => Set<LectureMaterial>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<PaymentWebhookRow> PaymentWebhooks => Set<PaymentWebhookRow>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<PaymentAnomaly> PaymentAnomalies => Set<PaymentAnomaly>();

    public DbSet<Coupon> Coupons => Set<Coupon>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<InstructorStatement> InstructorStatements => Set<InstructorStatement>();

    public DbSet<PayoutAccount> PayoutAccounts => Set<PayoutAccount>();

    public DbSet<Board> Boards => Set<Board>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<Question> Questions => Set<Question>();

    public DbSet<Answer> Answers => Set<Answer>();

    /// <summary>
    /// Every instant is stored in UTC: a time a client sent with its own offset ("…T09:00:00+09:00") is the same
    /// instant, and Npgsql refuses to write any other offset to <c>timestamptz</c>.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstant>();

    private sealed class UtcInstant() : ValueConverter<DateTimeOffset, DateTimeOffset>(time => time.ToUniversalTime(), time => time);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        modelBuilder.HasSequence<long>(CohortSlotConfiguration.WaitlistNumbers);
    }
}

using LectureHub.Application.Abstractions;
using LectureHub.Domain.Categories;
using LectureHub.Domain.Community;
using LectureHub.Domain.Terms;
using LectureHub.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LectureHub.Infrastructure.Persistence;

/// <summary>
/// The explicit deployment steps (never run implicitly at start-up): apply migrations, and seed reference and demo data.
/// Seeding is idempotent: it adds what is missing and leaves existing rows alone.
/// </summary>
public static class DatabaseSetup
{
    public static readonly IReadOnlyList<(string Slug, string Ko, string En, string Icon)> TradeCategories =
    [
        ("electrical", "전기", "Electrical", "bolt"),
        ("welding", "용접", "Welding", "flame"),
        ("plumbing", "배관", "Plumbing", "pipe"),
        ("carpentry", "목공", "Carpentry", "hammer"),
        ("tiling-plastering", "타일·미장", "Tiling & Plastering", "trowel"),
        ("hvac", "냉난방 설비", "HVAC", "thermometer"),
        ("auto-repair", "자동차 정비", "Auto Repair", "car"),
        ("heavy-equipment", "중장비", "Heavy Equipment", "excavator"),
        ("painting", "도장", "Painting", "paint-roller"),
        ("rebar-concrete", "철근·콘크리트", "Rebar & Concrete", "brick"),
    ];

    public static readonly IReadOnlyList<DemoAccount> DemoAccounts =
    [
        new("admin@lecturehub.dev", "Admin-pass-2026", "관리자", Role.Admin),
        new("kim.welder@lecturehub.dev", "Instructor-pass-2026", "김용접", Role.Instructor),
        new("park.electric@lecturehub.dev", "Instructor-pass-2026", "박전기", Role.Instructor),
        new("lee.student@lecturehub.dev", "Student-pass-2026", "이학생", Role.Student),
        new("choi.student@lecturehub.dev", "Student-pass-2026", "최학생", Role.Student),
        new("jung.student@lecturehub.dev", "Student-pass-2026", "정학생", Role.Student),
    ];

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(DatabaseSetup))
            .LogInformation("Applied {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
    }

    public static Task SeedCategoriesAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        InUnitOfWorkAsync(services, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var existing = await db.Categories.Select(c => c.Slug).ToListAsync(ct);
            var order = 10;
            foreach (var (slug, ko, en, icon) in TradeCategories)
            {
                if (!existing.Contains(slug))
                {
                    db.Categories.Add(Category.Create(slug, ko, en, icon, order));
                }

                order += 10;
            }
        }, cancellationToken);

    /// <summary>A board for every category that has none, and the general board (first in order).</summary>
    public static Task SeedBoardsAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        InUnitOfWorkAsync(services, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var boards = await db.Boards.Select(b => new { b.Slug, b.CategoryId }).ToListAsync(ct);
            if (!boards.Any(b => b.Slug == Board.GeneralSlug))
            {
                db.Boards.Add(Board.Create(Board.GeneralSlug, "자유게시판", "General", "현장 이야기, 질문, 정보 나눔", null, 0));
            }

            foreach (var category in await db.Categories.OrderBy(c => c.SortOrder).ToListAsync(ct))
            {
                if (!boards.Any(b => b.CategoryId == category.Id || b.Slug == category.Slug))
                {
                    db.Boards.Add(Board.Create(category.Slug, category.LabelKo, category.LabelEn, "", category.Id, category.SortOrder));
                }
            }
        }, cancellationToken);

    /// <summary>Publishes the first version of each kind of terms that has none (the texts in Terms/Initial).</summary>
    public static Task SeedTermsAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        InUnitOfWorkAsync(services, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var published = await db.TermsDocuments.Select(d => d.Kind).Distinct().ToListAsync(ct);
            foreach (var kind in Enum.GetValues<TermsKind>().Except(published))
            {
                var name = kind.ToString().ToLowerInvariant();
                await using var stream = typeof(DatabaseSetup).Assembly.GetManifestResourceStream($"terms.{name}.md")
                    ?? throw new InvalidOperationException($"The initial {name} terms are not embedded.");
                var body = await new StreamReader(stream).ReadToEndAsync(ct);
                db.TermsDocuments.Add(TermsDocument.Publish(kind, 1, body.Split('\n')[0].TrimStart('#', ' '), body, sp.GetRequiredService<TimeProvider>().GetUtcNow()));
            }
        }, cancellationToken);

    public static Task SeedDemoAccountsAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        InUnitOfWorkAsync(services, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var hasher = sp.GetRequiredService<IPasswordHasher>();
            var clock = sp.GetRequiredService<TimeProvider>();
            var emails = DemoAccounts.Select(a => User.Normalize(a.Email)).ToList();
            var existing = await db.Users.Where(u => emails.Contains(u.NormalizedEmail)).ToListAsync(ct);
            var terms = await db.TermsDocuments.GroupBy(d => d.Kind).Select(g => new { Kind = g.Key, Version = g.Max(d => d.Version) }).ToDictionaryAsync(t => t.Kind, t => t.Version, ct);
            foreach (var account in DemoAccounts.Where(a => existing.All(u => u.NormalizedEmail != User.Normalize(a.Email))))
            {
                var user = User.Register(account.Email, account.DisplayName, await hasher.HashAsync(account.Password, ct), account.Role, clock.GetUtcNow());
                db.Users.Add(user);
                existing.Add(user);
            }

            // Demo accounts from before (or behind) the terms in force agree to them, so the demos and the load suite sign in to a usable account.
            foreach (var user in existing.Where(u => u.ServiceTermsVersion < terms[TermsKind.Service] || u.PrivacyTermsVersion < terms[TermsKind.Privacy]))
            {
                db.TermsDecisions.AddRange(user.DecideTerms(terms[TermsKind.Service], terms[TermsKind.Privacy], user.MarketingTermsVersion, clock.GetUtcNow()));
            }
        }, cancellationToken);

    /// <summary>Seeds through the unit of work, so domain events reach the outbox like any other write.</summary>
    private static async Task InUnitOfWorkAsync(IServiceProvider services, Func<IServiceProvider, CancellationToken, Task> seed, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await unitOfWork.ExecuteAsync<bool>(async ct =>
        {
            await seed(scope.ServiceProvider, ct);
            return true;
        }, cancellationToken);
    }
}

using LectureHub.Application.Abstractions;
using System.Net;
using LectureHub.Application.Payments.Commands;
using LectureHub.Domain.Payments;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LectureHub.IntegrationTests.Payments;

public sealed record StatementView(Guid Id, Guid InstructorId, string Month, int SalesCount, int RefundCount, long GrossKrw, long RefundedKrw, long CommissionKrw, long NetKrw, string Status, string? PayoutReference);

public sealed record CloseMonthView(string Month, List<StatementView> Closed, int CarriedOver);

public sealed record DashboardView(int SalesCount, int RefundCount, long GrossKrw, long RefundedKrw, long CommissionKrw, long NetKrw, long PendingKrw, long PayableKrw, long PaidKrw);

public sealed record TrialBalanceView(List<AccountBalanceView> Accounts, long TotalKrw, int UnbalancedTransactions);

public sealed record AccountBalanceView(string Account, long BalanceKrw);

/// <summary>
/// Sales and a refund in October, a sale in November: October's statement settles exactly October's money, is
/// immutable once closed, and is paid out through the ledger; the instructor's dashboard and the trial balance agree.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SettlementTests(PaymentApiFactory factory) : PaymentTest(factory)
{
    /// <summary>"Today" for these tests: November is under way, October has ended (in Korea).</summary>
    private static readonly DateTimeOffset Today = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task A_month_closes_into_one_immutable_statement_per_instructor_that_an_admin_pays_out()
    {
        Factory.Clock.At = Today;
        var kim = await Client.SignUpAsync("kim@lecturehub.test", "Instructor");
        var category = await Factory.WeldingCategoryAsync();
        var tig = await Client.PublishedCourseAsync(kim, category, "TIG 용접 실기", price: 39_000);
        var pipe = await Client.PublishedCourseAsync(kim, category, "배관 기초", price: 25_000);
        var admin = await Client.SignUpAsync("admin@lecturehub.test", "Admin");
        var a = await OrderAsync("a@lecturehub.test", tig.Id, pipe.Id);
        var b = await OrderAsync("b@lecturehub.test", tig.Id);
        var c = await OrderAsync("c@lecturehub.test", pipe.Id);

        // October (Korea time): A and B pay; B is refunded in full. November: C pays.
        await PayAtAsync(new DateTimeOffset(2026, 10, 15, 10, 0, 0, TimeSpan.FromHours(9)), a, b);
        await RefundAtAsync(new DateTimeOffset(2026, 10, 20, 10, 0, 0, TimeSpan.FromHours(9)), b.Order, tig.Id);
        await PayAtAsync(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(9)), c); // the first instant of November

        var closed = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/admin/settlement/months/2026-10/close", admin)).ReadAsync<CloseMonthView>();

        var october = Assert.Single(closed.Closed);
        Assert.Equal((3, 1, 103_000L, 39_000L, 19_200L, 44_800L, "Closed"),
            (october.SalesCount, october.RefundCount, october.GrossKrw, october.RefundedKrw, october.CommissionKrw, october.NetKrw, october.Status));
        Assert.Empty((await (await Client.SendAsync(HttpMethod.Post, "/api/v1/admin/settlement/months/2026-10/close", admin)).ReadAsync<CloseMonthView>()).Closed);
        Assert.Single(await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/settlement/statements?month=2026-10", admin)).ReadAsync<List<StatementView>>());
        var csv = (await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/settlement/statements/export?month=2026-10", admin)).Content.ReadAsStringAsync())
            .TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, csv.Length);
        Assert.StartsWith($"{october.Id},", csv[1], StringComparison.Ordinal);
        Assert.Contains(",2026-10,3,1,103000,39000,19200,44800,Closed,", csv[1], StringComparison.Ordinal);
        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/settlement/statements/export", kim)).ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/admin/settlement/months/2026-11/close", admin)).ProblemAsync(HttpStatusCode.Conflict, "STATEMENT_MONTH_OPEN");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/admin/settlement/months/2026-13/close", admin)).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/admin/settlement/months/2026-10/close", kim)).ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        // Before payout: October's net is payable, November's pending.
        await DashboardIsAsync(kim, new DashboardView(4, 1, 128_000, 39_000, 26_700, 62_300, 17_500, 44_800, 0));

        var paid = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/admin/settlement/statements/{october.Id}/mark-paid", admin, new { reference = "KB 2026-11-10 #1" })).ReadAsync<StatementView>();
        Assert.Equal(("Paid", "KB 2026-11-10 #1"), (paid.Status, paid.PayoutReference));
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/admin/settlement/statements/{october.Id}/mark-paid", admin, new { reference = "again" }))
            .ProblemAsync(HttpStatusCode.Conflict, "STATEMENT_ALREADY_PAID");
        await DashboardIsAsync(kim, new DashboardView(4, 1, 128_000, 39_000, 26_700, 62_300, 17_500, 0, 44_800));
        Assert.Equal([("Paid", 44_800L)], (await (await Client.SendAsync(HttpMethod.Get, "/api/v1/instructor/statements", kim)).ReadAsync<List<StatementView>>())
            .Select(s => (s.Status, s.NetKrw)));

        var balance = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/settlement/trial-balance", admin)).ReadAsync<TrialBalanceView>();
        Assert.Equal((0L, 0), (balance.TotalKrw, balance.UnbalancedTransactions));
        Assert.Equal(-17_500L, balance.Accounts.Single(x => x.Account == "InstructorPayable").BalanceKrw); // still owed: November
        Assert.Equal(-44_800L, balance.Accounts.Single(x => x.Account == "Bank").BalanceKrw);

        // The Admin's closing and payout are in the audit log; the repeated close and the refused payout are not.
        var audited = await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString,
            "SELECT string_agg(action || ':' || (target_id = @id), ',' ORDER BY occurred_at) FROM audit_entries", ("id", october.Id));
        Assert.Equal("statement.close:true,statement.pay:true", audited);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_ledger_entries_or_statements_or_to_commit_an_unbalanced_transaction()
    {
        Factory.Clock.At = Today;
        var kim = await Client.SignUpAsync("kim@lecturehub.test", "Instructor");
        var tig = await Client.PublishedCourseAsync(kim, await Factory.WeldingCategoryAsync(), "TIG 용접 실기", price: 39_000);
        var a = await OrderAsync("a@lecturehub.test", tig.Id);
        await PayAtAsync(new DateTimeOffset(2026, 10, 15, 10, 0, 0, TimeSpan.FromHours(9)), a);
        var admin = await Client.SignUpAsync("admin@lecturehub.test", "Admin");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/admin/settlement/months/2026-10/close", admin)).ReadAsync<CloseMonthView>();

        await RefusedAsync("UPDATE ledger_entries SET amount_krw = amount_krw + 1", PostgresErrorCodes.RestrictViolation);
        await RefusedAsync("UPDATE ledger_entries SET statement_id = NULL", PostgresErrorCodes.RestrictViolation);
        await RefusedAsync("DELETE FROM ledger_entries", PostgresErrorCodes.RestrictViolation);
        await RefusedAsync("UPDATE instructor_statements SET net_krw = 1", PostgresErrorCodes.RestrictViolation);
        await RefusedAsync("DELETE FROM instructor_statements", PostgresErrorCodes.RestrictViolation);
        await RefusedAsync($"""
            INSERT INTO ledger_entries (id, transaction_id, kind, account, amount_krw, instructor_id, occurred_at)
            SELECT gen_random_uuid(), gen_random_uuid(), 'Sale', 'Commission', -100, id, now() FROM users WHERE email = 'kim@lecturehub.test'
            """, PostgresErrorCodes.CheckViolation);
        Assert.Equal(39_000L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString,
            "SELECT sum(amount_krw)::bigint FROM ledger_entries WHERE account IN ('GatewayReceivable', 'GatewayFees')"));
    }

    private async Task<(Tokens Student, OrderView Order, string PaymentKey)> OrderAsync(string email, params Guid[] courseIds)
    {
        var student = await Client.SignUpAsync(email);
        var order = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/orders", student, new { courseIds })).ReadAsync<OrderView>(HttpStatusCode.Created);
        var key = await Factory.Pg.CheckoutAsync(order.Id, order.AmountKrw);
        await Factory.Pg.ConfirmAtGatewayAsync(key, order.Id, order.AmountKrw);
        return (student, order, key);
    }

    /// <summary>Records the gateway's DONE for each order at the given instant (as the webhook processor would), then back to today.</summary>
    private async Task PayAtAsync(DateTimeOffset at, params (Tokens Student, OrderView Order, string PaymentKey)[] orders)
    {
        Factory.Clock.At = at;
        foreach (var (_, order, key) in orders)
        {
            await SendAsync(new RecordPaymentCommand(order.Id, key, order.AmountKrw));
        }

        Factory.Clock.At = Today;
    }

    private async Task RefundAtAsync(DateTimeOffset at, OrderView order, Guid courseId)
    {
        Factory.Clock.At = at;
        var refund = await SendAsync(new RequestRefundCommand(order.Id, courseId, new RefundQuote("2026-11", 0, 39_000, 39_000, RefundRule.Full)));
        await SendAsync(new ProcessRefundWorkflow(order.Id, refund.Id, "테스트"));
        Factory.Clock.At = Today;
    }

    /// <summary>The dashboard reads a replica; it shows the figures once the standby has replayed them.</summary>
    private async Task DashboardIsAsync(Tokens instructor, DashboardView expected)
    {
        DashboardView? seen = null;
        await Api.EventuallyAsync(async () =>
        {
            seen = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/instructor/dashboard", instructor)).ReadAsync<DashboardView>();
            return seen == expected;
        }, $"dashboard {expected}");
        Assert.Equal(expected, seen);
    }

    private static async Task RefusedAsync(string sql, string sqlState)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => Api.ScalarAsync<object>(ApiFactory.PrimaryConnectionString, sql));
        Assert.Equal(sqlState, error.SqlState);
    }
}

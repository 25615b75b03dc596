using System.Net;
using LectureHub.Application.Cohorts.Commands;
using LectureHub.Application.Payments.Commands;
using LectureHub.Infrastructure.Payments;
using LectureHub.IntegrationTests.Payments;
using LectureHub.IntegrationTests.Support;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.IntegrationTests.Cohorts;

/// <summary>
/// Paid cohorts (issue #22): an approved applicant pays the fee through the order flow by a deadline, or the seat goes
/// to the waitlist; refunds follow the order's frozen policy; calling a cohort off refunds every paid fee in full. The
/// money invariants of <see cref="PaymentTest"/> (a paid fee always holds its seat unless refunded) are checked after each.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PaidCohortTests(PaymentApiFactory factory) : PaymentTest(factory)
{
    private static readonly DateTimeOffset T0 = new(2027, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed record Seat(Guid Id, string Status, DateTimeOffset? PaymentDueAt, Guid? OrderId, DateTimeOffset? PaidAt);

    private sealed record FeeOrder(Guid Id, string Status, long AmountKrw, List<FeeLine> Lines);

    private sealed record FeeLine(Guid? CourseId, Guid? CohortId, long PaidKrw);

    private sealed record Quote(long PaidKrw, long AmountKrw, string Rule, bool Refundable);

    private sealed record Refund(Guid? CohortId, long AmountKrw, string Status, string OrderStatus);

    private static object PaidCohort(int capacity = 1, int waitlist = 1) =>
        CohortApi.NewCohort(capacity, waitlist, recruitStarts: T0.AddHours(-1), recruitEnds: T0.AddDays(5), classStarts: T0.AddDays(10), fee: 120_000);

    private async Task<(Tokens Owner, Cohort Cohort)> OpenAsync(int capacity = 1, int waitlist = 1)
    {
        Factory.Clock.At = T0;
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        return (owner, await Client.CreateCohortAsync(owner, PaidCohort(capacity, waitlist)));
    }

    private async Task<Seat> ApplyAsync(Guid cohortId, Tokens student) =>
        await (await Client.ApplyAsync(cohortId, student)).ReadAsync<Seat>(HttpStatusCode.Created);

    private Task<HttpResponseMessage> OrderFeeAsync(Guid cohortId, Guid applicationId, Tokens student) =>
        Client.SendAsync(HttpMethod.Post, $"/api/v1/cohorts/{cohortId}/applications/{applicationId}/order", student);

    private async Task<FeeOrder> PayAsync(Guid cohortId, Guid applicationId, Tokens student)
    {
        var order = await (await OrderFeeAsync(cohortId, applicationId, student)).ReadAsync<FeeOrder>();
        var key = await Factory.Pg.CheckoutAsync(order.Id, order.AmountKrw);
        return await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/orders/{order.Id}/confirm", student, new { paymentKey = key, amount = order.AmountKrw }))
            .ReadAsync<FeeOrder>();
    }

    private async Task<int> ExpireAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ExpireUnpaidSeatsCommand());
    }

    private static async Task<string> StatusAsync(Guid applicationId) =>
        (await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString, "SELECT status FROM cohort_applications WHERE id = @id", ("id", applicationId)))!;

    [Fact]
    public async Task An_approved_applicant_pays_the_fee_through_the_order_flow_and_the_seat_is_confirmed()
    {
        var (_, cohort) = await OpenAsync();
        var kim = await Client.SignUpAsync("kim@example.com", displayName: "김용접");

        var seat = await ApplyAsync(cohort.Id, kim);
        var order = await (await OrderFeeAsync(cohort.Id, seat.Id, kim)).ReadAsync<FeeOrder>();
        var again = await (await OrderFeeAsync(cohort.Id, seat.Id, kim)).ReadAsync<FeeOrder>();
        var mine = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me/enrollments", kim)).ReadAsync<System.Text.Json.Nodes.JsonObject>();
        var listed = mine["cohorts"]![0]!;
        Assert.Equal((120_000L, T0.AddHours(48)), (listed["feeKrw"]!.GetValue<long>(), listed["paymentDueAt"]!.GetValue<DateTimeOffset>()));
        var paid = await PayAsync(cohort.Id, seat.Id, kim);

        Assert.Equal(("Approved", T0.AddHours(48)), (seat.Status, seat.PaymentDueAt!.Value));
        Assert.Equal(("Pending", 120_000L, cohort.Id), (order.Status, order.AmountKrw, Assert.Single(order.Lines).CohortId!.Value));
        Assert.Null(order.Lines[0].CourseId);
        Assert.Equal(order.Id, again.Id);
        Assert.Equal(("Paid", order.Id), (paid.Status, paid.Id));
        Assert.True(await Api.ScalarAsync<bool>(ApiFactory.PrimaryConnectionString, "SELECT paid_at IS NOT NULL FROM cohort_applications WHERE id = @id", ("id", seat.Id)));
        Assert.Equal(120_000L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString,
            "SELECT sum(amount_krw)::bigint FROM ledger_entries WHERE cohort_id = @id AND account IN ('GatewayReceivable', 'GatewayFees')", ("id", cohort.Id)));
        var held = (await Mailbox.WaitForAsync("kim@example.com")).Single(m => m.Subject.Contains("자리가 확보", StringComparison.Ordinal));
        Assert.Equal("[LectureHub] 'TIG 용접 주말 실습반' 자리가 확보되었습니다: 2027년 2월 3일 (수) 09:00 KST까지 결제해 주세요", held.Subject);
        Assert.Contains("참가비 120,000원을", held.Text, StringComparison.Ordinal);

        await (await Client.CancelAsync(cohort.Id, seat.Id, kim)).ProblemAsync(HttpStatusCode.Conflict, "APPLICATION_PAID");
        await (await OrderFeeAsync(cohort.Id, seat.Id, kim)).ProblemAsync(HttpStatusCode.Conflict, "APPLICATION_NOT_PAYABLE");
        var stranger = await Client.SignUpAsync("stranger@example.com");
        await (await OrderFeeAsync(cohort.Id, seat.Id, stranger)).ProblemAsync(HttpStatusCode.NotFound, "APPLICATION_NOT_FOUND");
    }

    [Fact]
    public async Task An_unpaid_seat_past_its_deadline_goes_to_the_first_waiting_and_both_are_told()
    {
        var (_, cohort) = await OpenAsync();
        var kim = await Client.SignUpAsync("kim@example.com", displayName: "김용접");
        var jane = await Client.SignUpAsync("jane@example.com", displayName: "Jane", language: "en");
        var seated = await ApplyAsync(cohort.Id, kim);
        var waiting = await ApplyAsync(cohort.Id, jane);

        Factory.Clock.At = T0.AddHours(47);
        Assert.Equal(0, await ExpireAsync());
        Factory.Clock.At = T0.AddHours(48);
        Assert.Equal(1, await ExpireAsync());
        Assert.Equal(0, await ExpireAsync());

        Assert.Equal(("Expired", "Approved"), (await StatusAsync(seated.Id), await StatusAsync(waiting.Id)));
        Assert.Equal(T0.AddHours(96).UtcDateTime, await Api.ScalarAsync<DateTime>(ApiFactory.PrimaryConnectionString,
            "SELECT payment_due_at FROM cohort_applications WHERE id = @id", ("id", waiting.Id)));
        var released = (await Mailbox.WaitForAsync("kim@example.com", 2)).Single(m => m.Subject.Contains("결제 기한", StringComparison.Ordinal));
        Assert.Equal("[LectureHub] 'TIG 용접 주말 실습반' 결제 기한이 지나 자리가 넘어갔습니다", released.Subject);
        var promoted = (await Mailbox.WaitForAsync("jane@example.com", 2))[1];
        Assert.Equal("[LectureHub] A place opened up in 'TIG 용접 주말 실습반': pay by Fri, Feb 5, 2027, 09:00 KST", promoted.Subject);
        await (await OrderFeeAsync(cohort.Id, seated.Id, await Factory.ReissuedAsync(kim))).ProblemAsync(HttpStatusCode.Conflict, "APPLICATION_NOT_PAYABLE");

        Factory.Clock.At = T0.AddHours(96);
        await (await OrderFeeAsync(cohort.Id, waiting.Id, await Factory.ReissuedAsync(jane))).ProblemAsync(HttpStatusCode.Conflict, "PAYMENT_WINDOW_CLOSED");
    }

    [Fact]
    public async Task A_payment_started_before_the_deadline_keeps_the_seat_until_the_order_ends()
    {
        var (_, cohort) = await OpenAsync();
        var students = await Factory.StudentsAsync(3);
        var paying = await ApplyAsync(cohort.Id, students[0]);
        var waiting = await ApplyAsync(cohort.Id, students[1]);
        var order = await (await OrderFeeAsync(cohort.Id, paying.Id, students[0])).ReadAsync<FeeOrder>();

        Factory.Clock.At = T0.AddHours(50);
        Assert.Equal(0, await ExpireAsync());
        await (await Client.CancelAsync(cohort.Id, paying.Id, await Factory.ReissuedAsync(students[0]))).ProblemAsync(HttpStatusCode.Conflict, "PAYMENT_IN_PROGRESS");

        // The order ends unpaid (the gateway expired it): now the seat goes.
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CloseOrderCommand(order.Id, "EXPIRED"));
        }

        Assert.Equal(1, await ExpireAsync());
        Assert.Equal(("Expired", "Approved"), (await StatusAsync(paying.Id), await StatusAsync(waiting.Id)));
    }

    [Fact]
    public async Task Payments_confirmed_while_the_expiry_runs_all_keep_their_seats_and_the_rest_go_to_the_waitlist()
    {
        var (owner, _) = await OpenAsync();
        var students = await Factory.StudentsAsync(16);
        var cohorts = new List<(Guid Cohort, Guid Seat, Guid Waiting, Tokens Student, FeeOrder Order)>();
        for (var i = 0; i < 8; i++)
        {
            var cohort = await Client.CreateCohortAsync(owner, PaidCohort());
            var seat = await ApplyAsync(cohort.Id, students[2 * i]);
            var waiting = await ApplyAsync(cohort.Id, students[(2 * i) + 1]);
            cohorts.Add((cohort.Id, seat.Id, waiting.Id, students[2 * i], await (await OrderFeeAsync(cohort.Id, seat.Id, students[2 * i])).ReadAsync<FeeOrder>()));
        }

        Factory.Clock.At = T0.AddHours(49);
        var keys = new List<string>();
        foreach (var c in cohorts.Take(4))
        {
            keys.Add(await Factory.Pg.CheckoutAsync(c.Order.Id, c.Order.AmountKrw));
        }

        // Half pay while the other half's orders are expired, with the expiry running all along.
        var payers = new List<Tokens>();
        foreach (var c in cohorts.Take(4))
        {
            payers.Add(await Factory.ReissuedAsync(c.Student));
        }

        var confirms = cohorts.Take(4).Select((c, i) => Task.Run(async () =>
            (await Client.SendAsync(HttpMethod.Post, $"/api/v1/orders/{c.Order.Id}/confirm", payers[i], new { paymentKey = keys[i], amount = c.Order.AmountKrw })).StatusCode));
        var closes = cohorts.Skip(4).Select(c => Task.Run(async () =>
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CloseOrderCommand(c.Order.Id, "EXPIRED"));
        }));
        var sweeps = Enumerable.Range(0, 4).Select(_ => Task.Run(ExpireAsync));
        var statuses = await Task.WhenAll(confirms);
        await Task.WhenAll(closes);
        var expired = (await Task.WhenAll(sweeps)).Sum() + await ExpireAsync();

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(4, expired);
        foreach (var c in cohorts.Take(4))
        {
            Assert.Equal(("Approved", "Waitlisted"), (await StatusAsync(c.Seat), await StatusAsync(c.Waiting)));
        }

        foreach (var c in cohorts.Skip(4))
        {
            Assert.Equal(("Expired", "Approved"), (await StatusAsync(c.Seat), await StatusAsync(c.Waiting)));
        }
    }

    [Fact]
    public async Task A_paid_seat_refunded_under_the_orders_policy_passes_to_the_waitlist_and_none_is_refunded_once_the_class_started()
    {
        var (_, cohort) = await OpenAsync(capacity: 1, waitlist: 2);
        var students = await Factory.StudentsAsync(3);
        var seat = await ApplyAsync(cohort.Id, students[0]);
        var waiting = await ApplyAsync(cohort.Id, students[1]);
        var other = await ApplyAsync(cohort.Id, students[2]);
        await PayAsync(cohort.Id, seat.Id, students[0]);

        Factory.Clock.At = T0.AddDays(3);
        students = [await Factory.ReissuedAsync(students[0]), await Factory.ReissuedAsync(students[1])];
        var quote = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/cohorts/{cohort.Id}/applications/{seat.Id}/refund-quote", students[0])).ReadAsync<Quote>();
        var refund = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/cohorts/{cohort.Id}/applications/{seat.Id}/refund", students[0], new { reason = "일정 변경" }))
            .ReadAsync<Refund>();

        Assert.Equal((120_000L, 120_000L, "Full", true), (quote.PaidKrw, quote.AmountKrw, quote.Rule, quote.Refundable));
        Assert.Equal((cohort.Id, 120_000L, "Completed", "Refunded"), (refund.CohortId!.Value, refund.AmountKrw, refund.Status, refund.OrderStatus));
        Assert.Equal(("Cancelled", "Approved", "Waitlisted"), (await StatusAsync(seat.Id), await StatusAsync(waiting.Id), await StatusAsync(other.Id)));
        Assert.Equal(0L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString,
            "SELECT coalesce(sum(amount_krw), 0)::bigint FROM ledger_entries WHERE cohort_id = @id AND account = 'InstructorPayable'", ("id", cohort.Id)));
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/cohorts/{cohort.Id}/applications/{seat.Id}/refund", students[0]))
            .ProblemAsync(HttpStatusCode.Conflict, "APPLICATION_NOT_REFUNDABLE");

        await PayAsync(cohort.Id, waiting.Id, students[1]);
        Factory.Clock.At = T0.AddDays(10);
        students[1] = await Factory.ReissuedAsync(students[1]);
        var late = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/cohorts/{cohort.Id}/applications/{waiting.Id}/refund-quote", students[1])).ReadAsync<Quote>();
        Assert.Equal((0L, "None"), (late.AmountKrw, late.Rule));
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/cohorts/{cohort.Id}/applications/{waiting.Id}/refund", students[1]))
            .ProblemAsync(HttpStatusCode.Conflict, "REFUND_NOT_ALLOWED");
    }

    [Fact]
    public async Task Calling_off_a_paid_cohort_refunds_every_paid_fee_in_full()
    {
        var (owner, cohort) = await OpenAsync(capacity: 2, waitlist: 0);
        var students = await Factory.StudentsAsync(2);
        var paidSeat = await ApplyAsync(cohort.Id, students[0]);
        var unpaidSeat = await ApplyAsync(cohort.Id, students[1]);
        var order = await PayAsync(cohort.Id, paidSeat.Id, students[0]);

        Factory.Clock.At = T0.AddDays(9);
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/cohorts/{cohort.Id}/cancel", await Factory.ReissuedAsync(owner), new { reason = "강사 부상" })).ReadAsync<CohortConsoleTestsCancelled>();
        await Api.OutboxDrainedAsync();

        Assert.Equal(("Cancelled", "Cancelled"), (await StatusAsync(paidSeat.Id), await StatusAsync(unpaidSeat.Id)));
        Assert.Equal("Refunded", await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString, "SELECT status FROM orders WHERE id = @id", ("id", order.Id)));
        Assert.Equal("CANCELED", (await Factory.Pg.PaymentAsync(order.Id)).Status);
    }

    [Fact]
    public async Task A_fee_paid_after_its_seat_was_lost_is_refunded_in_full_without_anyone_asking()
    {
        var (owner, cohort) = await OpenAsync();
        var student = (await Factory.StudentsAsync(1))[0];
        var seat = await ApplyAsync(cohort.Id, student);
        var order = await (await OrderFeeAsync(cohort.Id, seat.Id, student)).ReadAsync<FeeOrder>();
        var key = await Factory.Pg.CheckoutAsync(order.Id, order.AmountKrw);
        // The cohort is called off while the student is at the payment widget: the seat is gone when the money lands.
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/cohorts/{cohort.Id}/cancel", owner, new { reason = "강사 부상" })).ReadAsync<CohortConsoleTestsCancelled>();

        var paid = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/orders/{order.Id}/confirm", student, new { paymentKey = key, amount = order.AmountKrw }))
            .ReadAsync<FeeOrder>();
        Assert.Equal("Paid", paid.Status);
        Assert.Equal("Cancelled", await StatusAsync(seat.Id));
        Assert.Equal(1, await Factory.Service<PaymentReconciler>().FinishRefundsAsync(TimeSpan.Zero, CancellationToken.None));

        Assert.Equal("Refunded", await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString, "SELECT status FROM orders WHERE id = @id", ("id", order.Id)));
        Assert.Equal("CANCELED", (await Factory.Pg.PaymentAsync(order.Id)).Status);
    }

    private sealed record CohortConsoleTestsCancelled(int ApplicationsCancelled);
}

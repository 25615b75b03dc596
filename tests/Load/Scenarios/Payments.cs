using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using LectureHub.Load.Runner;
using LectureHub.StandardWebhooks;
using Npgsql;

namespace LectureHub.Load.Scenarios;

/// <summary>
/// Payments (issue #7) against the PG simulator the scripts start (LH_PG_SIM_URL, its webhook secret in
/// LH_PG_WEBHOOK_SECRET). Setup (unmeasured) has an instructor publish paid courses and signs students in. Verify reads
/// the primary (ConnectionStrings__Primary): every order of the run the gateway took money for is Paid, each of its
/// courses has one active enrolment, and the ledger balances.
/// </summary>
internal static class Payments
{
    private const long Price = 39_000;

    private static string SimulatorUrl => Environment.GetEnvironmentVariable("LH_PG_SIM_URL") ?? "http://127.0.0.1:55090";

    public static Scenario OrderToEnrolment => new()
    {
        Name = "order-to-enrolment",
        Description = "A student buys a course: POST /orders (priced by the server) → the gateway's checkout (simulator, step checkout) → " +
                      "POST /orders/{id}/confirm (the gateway's confirm with an idempotency key; Paid, enrolled and the sale in the ledger in one " +
                      "transaction). Each iteration is a new (student, course) pair: LH_ORDER_STUDENTS (default 100) × LH_ORDER_COURSES (100).",
        DefaultModel = LoadModel.Closed(users: 16),
        Setup = async setup =>
        {
            var (students, courses) = await BuyersAsync(setup, Journeys.EnvInt("LH_ORDER_STUDENTS", 100), Journeys.EnvInt("LH_ORDER_COURSES", 100));
            setup.Share("students", students);
            setup.Share("courses", courses);
            setup.Share("paid", new StrongBox<long>());
        },
        Iteration = async ctx =>
        {
            var (students, courses) = (ctx.Shared<List<Journeys.Tokens>>("students"), ctx.Shared<List<Guid>>("courses"));
            var student = students[(int)(ctx.Sequence % students.Count)];
            var course = courses[(int)(ctx.Sequence / students.Count % courses.Count)];
            if (await PlaceAsync(ctx, student, course) is not { } order
                || await ctx.Step("checkout", (http, ct) => http.SendAsync(CheckoutRequest(order), ct)) is not { } checkout)
            {
                return;
            }

            var key = (await checkout.Content.ReadFromJsonAsync<PaymentKey>(JsonSerializerOptions.Web))!.Key;
            var confirm = Journeys.Authorized(HttpMethod.Post, $"/api/v1/orders/{order.Id}/confirm", student);
            confirm.Content = JsonContent.Create(new { paymentKey = key, amount = order.AmountKrw });
            if (await ctx.Step("confirm", (http, ct) => http.SendAsync(confirm, ct)) is { } confirmed
                && (await confirmed.Content.ReadFromJsonAsync<OrderView>(JsonSerializerOptions.Web))!.Status == "Paid")
            {
                Interlocked.Increment(ref ctx.Shared<StrongBox<long>>("paid").Value);
            }
        },
        // An iteration cut off at the end may have been paid after the client stopped listening: at least every confirm seen Paid.
        Verify = async setup => await VerifyAsync(setup, Interlocked.Read(ref setup.Shared<StrongBox<long>>("paid").Value), TimeSpan.Zero, exact: false),
    };

    public static Scenario WebhookStorm => new()
    {
        Name = "webhook-storm",
        Description = "Signed webhooks (Standard Webhooks, provider 'local') for orders the gateway took money for but whose confirm never came, " +
                      "each delivered again and again: LH_STORM_ORDERS (default 500) orders, iteration i posting order i mod N's webhook under one " +
                      "webhook-id, so all but the first copy are duplicates. The simulator's own webhooks are paused meanwhile. Verify waits for " +
                      "the inbox processor to settle every order whose webhook was acknowledged (its drain time after the run is reported) and " +
                      "checks the inbox kept one row per order.",
        DefaultModel = LoadModel.Closed(users: 32),
        Setup = async setup =>
        {
            var secret = Environment.GetEnvironmentVariable("LH_PG_WEBHOOK_SECRET")
                         ?? throw new InvalidOperationException("LH_PG_WEBHOOK_SECRET is not set: start the API and simulator with scripts/bench.sh (lh_start_pg_simulator).");
            var orders = Journeys.EnvInt("LH_STORM_ORDERS", 500);
            var students = Math.Max(1, orders / 10);
            var (buyers, courses) = await BuyersAsync(setup, students, (orders + students - 1) / students);
            var saved = await setup.Http.GetStringAsync(new Uri($"{SimulatorUrl}/sim/webhooks"), setup.CancellationToken);
            await Sim(setup, HttpMethod.Put, "/sim/webhooks", new { url = (string?)null, secret = (string?)null });
            setup.Share("saved-webhooks", saved);
            var events = new List<byte[]>();
            for (var i = 0; i < orders; i++)
            {
                var order = await PlaceOrderAsync(setup, buyers[i % students], courses[i / students]);
                var key = (await (await Journeys.Expect(setup, CheckoutRequest(order), HttpStatusCode.OK, "check out at the gateway"))
                    .Content.ReadFromJsonAsync<PaymentKey>(JsonSerializerOptions.Web, setup.CancellationToken))!.Key;
                await ConfirmAtGatewayAsync(setup, key, order);
                events.Add(JsonSerializer.SerializeToUtf8Bytes(new { type = "Transaction.Paid", data = new { paymentKey = key, orderId = order.Id } }));
            }

            setup.Share("signer", new StandardWebhook(secret));
            setup.Share("events", events);
            setup.Share("acknowledged", new ConcurrentDictionary<int, bool>());
        },
        Iteration = async ctx =>
        {
            var events = ctx.Shared<List<byte[]>>("events");
            var index = (int)(ctx.Sequence % events.Count);
            var body = events[index];
            var id = $"storm-{Journeys.RunId}-{index}";
            var acknowledged = await ctx.Step("webhook", (http, ct) =>
            {
                var now = DateTimeOffset.UtcNow;
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/webhooks/local") { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add(StandardWebhook.IdHeader, id);
                request.Headers.Add(StandardWebhook.TimestampHeader, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
                request.Headers.Add(StandardWebhook.SignatureHeader, ctx.Shared<StandardWebhook>("signer").Sign(id, now, body));
                return http.SendAsync(request, ct);
            });
            if (acknowledged is not null)
            {
                ctx.Shared<ConcurrentDictionary<int, bool>>("acknowledged")[index] = true;
            }
        },
        Verify = async setup =>
        {
            try
            {
                // Every order whose webhook the API acknowledged (a short run may not reach them all; one cut off at the end may
                // have been stored unacknowledged): each paid, and one inbox row per paid order.
                var acknowledged = setup.Shared<ConcurrentDictionary<int, bool>>("acknowledged").Count;
                return await VerifyAsync(setup, acknowledged, TimeSpan.FromMinutes(2), exact: false) + await InboxRowsAsync(acknowledged, setup.CancellationToken);
            }
            finally
            {
                using var restore = new StringContent(setup.Shared<string>("saved-webhooks"), Encoding.UTF8, "application/json");
                using var response = await setup.Http.PutAsync(new Uri($"{SimulatorUrl}/sim/webhooks"), restore, setup.CancellationToken);
            }
        },
    };

    /// <summary>An instructor with <paramref name="courses"/> paid courses, and <paramref name="students"/> signed-in students.</summary>
    private static async Task<(List<Journeys.Tokens> Students, List<Guid> Courses)> BuyersAsync(SetupContext setup, int students, int courses)
    {
        var instructorEmail = Journeys.Email(0, "seller");
        await Journeys.RegisterAsync(setup, instructorEmail, "Instructor");
        var instructor = await Journeys.SignInAsync(setup, instructorEmail);
        var ids = new List<Guid>();
        for (var i = 0; i < courses; i++)
        {
            ids.Add((await Journeys.PublishedCourseAsync(setup, instructor, $"부하 테스트 유료 강의 {i}", Price, lectures: 1, lectureSeconds: 600)).Course);
        }

        var signedIn = new List<Journeys.Tokens>();
        foreach (var email in await Journeys.RegisterAccountsAsync(setup, students))
        {
            signedIn.Add(await Journeys.SignInAsync(setup, email));
        }

        return (signedIn, ids);
    }

    private static async Task<OrderView?> PlaceAsync(IterationContext ctx, Journeys.Tokens student, Guid course) =>
        await ctx.Step("order", (http, ct) => http.SendAsync(OrderRequest(student, course), ct), HttpStatusCode.Created) is { } response
            ? await response.Content.ReadFromJsonAsync<OrderView>(JsonSerializerOptions.Web)
            : null;

    private static async Task<OrderView> PlaceOrderAsync(SetupContext setup, Journeys.Tokens student, Guid course) =>
        (await (await Journeys.Expect(setup, OrderRequest(student, course), HttpStatusCode.Created, "place an order"))
            .Content.ReadFromJsonAsync<OrderView>(JsonSerializerOptions.Web, setup.CancellationToken))!;

    private static HttpRequestMessage OrderRequest(Journeys.Tokens student, Guid course)
    {
        var request = Journeys.Authorized(HttpMethod.Post, "/api/v1/orders", student);
        request.Content = JsonContent.Create(new { courseIds = new[] { course } });
        return request;
    }

    /// <summary>The buyer pays in the gateway's widget (the simulator); the answer carries the paymentKey.</summary>
    private static HttpRequestMessage CheckoutRequest(OrderView order) =>
        new(HttpMethod.Post, new Uri($"{SimulatorUrl}/sim/checkout")) { Content = JsonContent.Create(new { orderId = order.Id.ToString(), amount = order.AmountKrw }) };

    /// <summary>The gateway takes the money (as if the student's confirm never reached us): only a webhook can tell the API.</summary>
    private static async Task ConfirmAtGatewayAsync(SetupContext setup, string key, OrderView order)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{SimulatorUrl}/v1/payments/confirm"))
        {
            Content = JsonContent.Create(new { paymentKey = key, orderId = order.Id.ToString(), amount = order.AmountKrw }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(
            (Environment.GetEnvironmentVariable("PG_SIM_SECRET_KEY") ?? "test_sk_lecturehub_local") + ":")));
        await Journeys.Expect(setup, request, HttpStatusCode.OK, "confirm at the gateway");
    }

    private static Task<HttpResponseMessage> Sim(SetupContext setup, HttpMethod method, string path, object body) =>
        Journeys.Expect(setup, new HttpRequestMessage(method, new Uri(SimulatorUrl + path)) { Content = JsonContent.Create(body) },
            method == HttpMethod.Put ? HttpStatusCode.NoContent : HttpStatusCode.OK, $"call the simulator ({path})");

    /// <summary>
    /// Waits up to <paramref name="patience"/> for this run's paid orders to number <paramref name="expectedPaid"/> (or more, unless
    /// <paramref name="exact"/>), then checks the money: one active enrolment per course of each, the run's sales in the ledger equal
    /// to what was paid, every transaction balanced.
    /// </summary>
    private static async Task<string> VerifyAsync(SetupContext setup, long expectedPaid, TimeSpan patience, bool exact)
    {
        var started = DateTimeOffset.UtcNow;
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Primary")
                                                           ?? throw new InvalidOperationException("ConnectionStrings__Primary is not set (scripts/bench.sh sets it)."));
        await connection.OpenAsync(setup.CancellationToken);
        var run = $"load-{Journeys.RunId}-%";
        long paid;
        while ((paid = await ScalarAsync(connection, RunOrders + " AND o.status = 'Paid'", run, setup.CancellationToken)) < expectedPaid && DateTimeOffset.UtcNow - started < patience)
        {
            await Task.Delay(200, setup.CancellationToken);
        }

        var drained = DateTimeOffset.UtcNow - started;
        var notEnrolled = await ScalarAsync(connection, """
            SELECT count(*) FROM orders o JOIN users u ON u.id = o.student_id, jsonb_array_elements(o.lines) line
            WHERE u.email LIKE @run AND o.status = 'Paid' AND 1 <> (SELECT count(*) FROM enrollments e
                WHERE e.student_id = o.student_id AND e.course_id = (line->>'courseId')::uuid AND e.status = 'Active')
            """, run, setup.CancellationToken);
        var ledgerGap = await ScalarAsync(connection, """
            SELECT coalesce(sum(o.amount_krw), 0)::bigint - coalesce((SELECT sum(l.amount_krw) FROM ledger_entries l JOIN orders p ON p.id = l.order_id
                JOIN users v ON v.id = p.student_id WHERE v.email LIKE @run AND l.kind = 'Sale' AND l.account IN ('GatewayReceivable', 'GatewayFees')), 0)::bigint
            FROM orders o JOIN users u ON u.id = o.student_id WHERE u.email LIKE @run AND o.status = 'Paid'
            """, run, setup.CancellationToken);
        var unbalanced = await ScalarAsync(connection, "SELECT count(*) FROM (SELECT 1 FROM ledger_entries GROUP BY transaction_id HAVING sum(amount_krw) <> 0) t", run, setup.CancellationToken);
        var text = $"{paid} of {expectedPaid} orders Paid (settled {drained.TotalSeconds:0.0} s after the run); {notEnrolled} paid courses without exactly one active enrolment; " +
                   $"ledger sales − paid: {ledgerGap} KRW; unbalanced transactions: {unbalanced}";
        return (exact ? paid == expectedPaid : paid >= expectedPaid) && notEnrolled == 0 && ledgerGap == 0 && unbalanced == 0 ? text : throw new InvalidOperationException(text);
    }

    /// <summary>One inbox row per webhook id however often it was delivered, and each of them paid its order.</summary>
    private static async Task<string> InboxRowsAsync(int acknowledged, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Primary"));
        await connection.OpenAsync(cancellationToken);
        var rows = await ScalarAsync(connection, "SELECT count(*) FROM payment_webhooks WHERE webhook_id LIKE @run", $"storm-{Journeys.RunId}-%", cancellationToken);
        var paid = await ScalarAsync(connection, RunOrders + " AND o.status = 'Paid'", $"load-{Journeys.RunId}-%", cancellationToken);
        var text = $"; {rows} inbox rows for {acknowledged} webhook ids acknowledged, {paid} orders paid";
        return rows == paid && rows >= acknowledged ? text : throw new InvalidOperationException(text);
    }

    private const string RunOrders = "SELECT count(*) FROM orders o JOIN users u ON u.id = o.student_id WHERE u.email LIKE @run";

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, string run, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("run", run);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private sealed record OrderView(Guid Id, long AmountKrw, string Status);

    private sealed record PaymentKey([property: System.Text.Json.Serialization.JsonPropertyName("paymentKey")] string Key);
}

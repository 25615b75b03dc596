using LectureHub.Load.Runner;

namespace LectureHub.Load.Scenarios;

/// <summary>Every scenario the suite knows. Each feature issue adds its own here.</summary>
public static class ScenarioRegistry
{
    public static readonly IReadOnlyList<Scenario> All =
    [
        new()
        {
            Name = "ceiling",
            Description = "GET /health/live: the cheapest endpoint, no I/O. What this machine can serve at all; quote other results as a ratio of it.",
            DefaultModel = LoadModel.Closed(users: 64),
            Iteration = ctx => ctx.Step("live", (http, ct) => http.GetAsync("/health/live", ct)),
        },
        new()
        {
            Name = "categories",
            Description = "GET /api/v1/categories: an anonymous read served from the Redis cache.",
            DefaultModel = LoadModel.Closed(users: 64),
            Iteration = ctx => ctx.Step("categories", (http, ct) => http.GetAsync("/api/v1/categories", ct)),
        },
        new()
        {
            Name = "auth",
            Description = "A new user's session: register (answers signed in) → refresh → me. Register hashes one password (Argon2id, m=19 MiB, t=2) by design.",
            DefaultModel = LoadModel.Closed(users: 8),
            Iteration = async ctx =>
            {
                var email = Journeys.Email(ctx.Sequence);
                if (await Journeys.SignUp(ctx, email) is not { } tokens)
                {
                    return;
                }

                if (await Journeys.Refresh(ctx, tokens) is { } refreshed)
                {
                    await Journeys.Me(ctx, refreshed);
                }
            },
        },
        new()
        {
            Name = "login",
            Description = "Returning users: login (from a feed of accounts made in setup) → me with the new token, kept per virtual user.",
            DefaultModel = LoadModel.Closed(users: 8),
            Setup = async setup => setup.Share("accounts", new Feed<string>(await Journeys.RegisterAccountsAsync(setup, 40))),
            Iteration = async ctx =>
            {
                if (await Journeys.Login(ctx, ctx.Shared<Feed<string>>("accounts").Next()) is { } tokens)
                {
                    ctx.User.State["tokens"] = tokens;
                    await Journeys.Me(ctx, tokens);
                }
            },
        },
        TwoFactorLogin.Scenario,
        CohortRush.Seed004,
        CohortRush.Rush,
        CatalogBrowse.Scenario,
        CatalogBrowse.Detail,
        CommunityBrowse.Scenario,
        Media.Playback,
        Media.AuthorizeOnly,
        Media.Heartbeats,
        Payments.OrderToEnrolment,
        Payments.WebhookStorm,
        Consoles.Scenario,
    ];

    public static Scenario? Find(string name) => All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}

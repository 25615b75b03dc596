using LectureHub.Application.Abstractions;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Payments;

/// <summary>
/// A payment test against the simulator: a clean database and a well-behaved gateway before each test; after it, the
/// gateway's faults and the clock put back, and the money invariants checked, so every scenario ends with one
/// enrolment per paid course and a balanced ledger (<see cref="PaymentApi.AssertMoneyInvariantsAsync"/>).
/// </summary>
public abstract class PaymentTest(PaymentApiFactory factory) : IClassFixture<PaymentApiFactory>, IAsyncLifetime, IDisposable
{
    protected PaymentApiFactory Factory { get; } = factory;

    protected HttpClient Client { get; } = factory.CreateClient();

    public async Task InitializeAsync()
    {
        await Factory.ResetAsync();
        await Factory.Pg.FaultsAsync();
    }

    public async Task DisposeAsync()
    {
        Factory.Clock.At = null;
        await Factory.Pg.FaultsAsync();
        await PaymentApi.AssertMoneyInvariantsAsync();
    }

    /// <summary>A command or workflow sent in its own scope, as a background worker would (the webhook processor, a refund run).</summary>
    protected async Task<T> SendAsync<T>(IWorkflow<T> workflow)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(workflow);
    }

    protected async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    public void Dispose()
    {
        Client.Dispose();
        GC.SuppressFinalize(this);
    }
}

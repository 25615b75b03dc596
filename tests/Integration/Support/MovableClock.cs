namespace LectureHub.IntegrationTests.Support;

/// <summary>The API's clock in tests: the system's, or a fixed instant while <see cref="At"/> is set.</summary>
public sealed class MovableClock : TimeProvider
{
    public DateTimeOffset? At { get; set; }

    public override DateTimeOffset GetUtcNow() => At?.ToUniversalTime() ?? System.GetUtcNow();
}

using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Learning;

namespace LectureHub.Application.Learning.Commands;

/// <summary>
/// A player's heartbeat (every ~10 s): the media interval [From, To) it played since the last one, at what rate, and
/// where it is now (seconds). It goes to the Redis buffer, not the database, so it is a plain request and not a
/// command: no transaction is opened for it. The database sees it at the next flush.
/// </summary>
public sealed record RecordHeartbeatWorkflow(Guid LectureId, string SessionId, long Seq, double From, double To, double Rate, double Position)
    : IWorkflow<HeartbeatAck>;

/// <summary>Duplicate: this sequence number was already counted (a retry), and nothing changed.</summary>
public sealed record HeartbeatAck(bool Duplicate);

internal sealed class RecordHeartbeatValidator : AbstractValidator<RecordHeartbeatWorkflow>
{
    public RecordHeartbeatValidator()
    {
        RuleFor(h => h.SessionId).NotEmpty().MaximumLength(200);
        RuleFor(h => h.Seq).GreaterThanOrEqualTo(0);
        RuleFor(h => h.From).InclusiveBetween(0, Lecture.MaxDurationSeconds);
        RuleFor(h => h.To).InclusiveBetween(0, Lecture.MaxDurationSeconds)
            .GreaterThanOrEqualTo(h => h.From).WithMessage("'To' must not be before 'From'.");
        RuleFor(h => h.Position).InclusiveBetween(0, Lecture.MaxDurationSeconds);
        RuleFor(h => h.Rate).InclusiveBetween(WatchRules.MinRate, WatchRules.MaxRate);
    }
}

internal sealed class RecordHeartbeatHandler(IWatchSessions sessions, ICurrentUser currentUser, TimeProvider clock)
    : IWorkflowHandler<RecordHeartbeatWorkflow, HeartbeatAck>
{
    public async ValueTask<HeartbeatAck> Handle(RecordHeartbeatWorkflow request, CancellationToken cancellationToken)
    {
        var student = currentUser.UserId ?? throw new UnauthorizedException("SIGN_IN_REQUIRED", "Sign in to record progress.");
        var heartbeat = new Heartbeat(request.SessionId, student, request.LectureId, request.Seq,
            Ms(request.From), Ms(request.To), request.Rate, Ms(request.Position));
        var result = await sessions.RecordAsync(heartbeat, clock.GetUtcNow(), cancellationToken);
        return result.Outcome switch
        {
            HeartbeatOutcome.Accepted => new HeartbeatAck(false),
            HeartbeatOutcome.Duplicate => new HeartbeatAck(true),
            HeartbeatOutcome.UnknownSession => throw new NotFoundException("WATCH_SESSION_NOT_FOUND",
                "This is not a watch session of yours for this lecture, or it is too old. Ask for playback again to start one."),
            HeartbeatOutcome.Superseded => throw new ConflictException("WATCH_SESSION_SUPERSEDED",
                "A newer watch session for this lecture started (another device or a reload); only the newest one records progress."),
            HeartbeatOutcome.Implausible => throw new UnprocessableException("PROGRESS_IMPLAUSIBLE",
                $"The heartbeat claims {(request.To - request.From):0.#} s of playback, but only {result.AllowedMs / 1000.0:0.#} s fit in the time since the last one at this rate."),
            HeartbeatOutcome.Backlogged => throw new ServiceUnavailableException("PROGRESS_BACKLOGGED",
                "Progress is not being saved fast enough right now. Keep the heartbeat and send it again shortly."),
            _ => throw new InvalidOperationException($"Unknown heartbeat outcome {result.Outcome}."),
        };
    }

    private static long Ms(double seconds) => (long)Math.Round(seconds * 1000);
}

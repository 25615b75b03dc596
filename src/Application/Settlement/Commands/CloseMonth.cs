using System.Globalization;
using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Audit;
using LectureHub.Application.Auth;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Payments.Commands;
using LectureHub.Domain.Audit;
using LectureHub.Domain.Settlement;
using Mediator;

namespace LectureHub.Application.Settlement.Commands;

public sealed record CloseMonthResult(string Month, IReadOnlyList<StatementDto> Closed, int CarriedOver);

/// <summary>
/// Admins: closes a month (yyyy-MM, Korea time) for every instructor with unsettled sales or refunds up to its end,
/// each in its own transaction (<see cref="CloseStatementCommand"/>). Safe to repeat: an instructor's month closes
/// once (a unique index), and closing again returns the statements already closed.
/// </summary>
public sealed record CloseMonthWorkflow(string Month) : IWorkflow<CloseMonthResult>;

public sealed record CloseStatementCommand(Guid InstructorId, DateOnly Month) : ICommand<StatementDto?>;

internal sealed class CloseMonthValidator : AbstractValidator<CloseMonthWorkflow>
{
    public CloseMonthValidator() =>
        RuleFor(r => r.Month).Must(m => SettlementMonth.TryParse(m, out _)).WithMessage("Give the month as yyyy-MM, e.g. 2026-10.");
}

internal static class SettlementMonth
{
    public static bool TryParse(string? text, out DateOnly month) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);

    public static DateOnly Parse(string text) =>
        TryParse(text, out var month) ? month : throw new BadRequestException("MONTH_INVALID", $"'{text}' is not a month; give it as yyyy-MM, e.g. 2026-10.");
}

internal sealed class CloseMonthHandler(IReadDb db, ISender sender, ICurrentUser admin, TimeProvider clock) : IWorkflowHandler<CloseMonthWorkflow, CloseMonthResult>
{
    private const string InstructorsSql = """
        SELECT DISTINCT instructor_id FROM ledger_entries
        WHERE statement_id IS NULL AND kind <> 'Payout' AND occurred_at < @Before
        """;

    public async ValueTask<CloseMonthResult> Handle(CloseMonthWorkflow request, CancellationToken cancellationToken)
    {
        StepUp.Require(admin, clock);
        var month = SettlementMonth.Parse(request.Month);
        var instructors = await db.Primary.QueryAsync<Guid>(InstructorsSql, new { Before = InstructorStatement.EndOf(month) }, cancellationToken);
        var closed = new List<StatementDto>();
        foreach (var instructor in instructors)
        {
            if (await sender.SendSettlingAsync(new CloseStatementCommand(instructor, month), cancellationToken) is { } statement)
            {
                closed.Add(statement);
            }
        }

        return new CloseMonthResult(request.Month, closed, instructors.Count - closed.Count);
    }
}

internal sealed class CloseStatementHandler(
    IRepository<LedgerEntry> ledger, IRepository<InstructorStatement> statements, IRepository<AuditEntry> audit, ICurrentUser admin, TimeProvider clock)
    : ICommandHandler<CloseStatementCommand, StatementDto?>
{
    public async ValueTask<StatementDto?> Handle(CloseStatementCommand command, CancellationToken cancellationToken)
    {
        if (await statements.SingleOrDefaultAsync(new StatementOfMonthSpec(command.InstructorId, command.Month), cancellationToken) is { } existing)
        {
            return StatementDto.From(existing);
        }

        var entries = await ledger.ListAsync(new UnsettledEntriesSpec(command.InstructorId, InstructorStatement.EndOf(command.Month)), cancellationToken);
        if (InstructorStatement.Close(command.InstructorId, command.Month, entries, clock.GetUtcNow()) is not { } statement)
        {
            return null;
        }

        await statements.AddAsync(statement, cancellationToken);
        var closed = StatementDto.From(statement);
        await AdminAudit.RecordAsync<StatementDto>(audit, admin, "statement.close", "statement", statement.Id, null, closed, statement.ClosedAt, cancellationToken);
        return closed;
    }
}

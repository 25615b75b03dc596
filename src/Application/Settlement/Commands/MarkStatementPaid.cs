using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Audit;
using LectureHub.Application.Auth;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Audit;
using LectureHub.Domain.Settlement;
using Mediator;

namespace LectureHub.Application.Settlement.Commands;

/// <summary>Admins: the statement's money was transferred (the bank's reference); the payout is written to the ledger.</summary>
public sealed record MarkStatementPaidCommand(Guid StatementId, string Reference) : ICommand<StatementDto>;

internal sealed class MarkStatementPaidValidator : AbstractValidator<MarkStatementPaidCommand>
{
    public MarkStatementPaidValidator() => RuleFor(c => c.Reference).NotEmpty().MaximumLength(200);
}

internal sealed class MarkStatementPaidHandler(
    IRepository<InstructorStatement> statements, IRepository<LedgerEntry> ledger, IRepository<AuditEntry> audit, ICurrentUser admin, TimeProvider clock)
    : ICommandHandler<MarkStatementPaidCommand, StatementDto>
{
    public async ValueTask<StatementDto> Handle(MarkStatementPaidCommand command, CancellationToken cancellationToken)
    {
        StepUp.Require(admin, clock);
        var statement = await statements.GetByIdAsync(command.StatementId, cancellationToken)
                        ?? throw new NotFoundException("STATEMENT_NOT_FOUND", $"Statement {command.StatementId} does not exist.");
        var before = StatementDto.From(statement);
        var now = clock.GetUtcNow();
        await ledger.AddRangeAsync(statement.MarkPaid(command.Reference, now), cancellationToken);
        var after = StatementDto.From(statement);
        await AdminAudit.RecordAsync(audit, admin, "statement.pay", "statement", statement.Id, before, after, now, cancellationToken);
        return after;
    }
}

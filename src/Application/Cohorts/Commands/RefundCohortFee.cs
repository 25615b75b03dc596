using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Cohorts.Queries;
using LectureHub.Application.Payments.Commands;
using LectureHub.Domain.Payments;
using Mediator;

namespace LectureHub.Application.Cohorts.Commands;

/// <summary>
/// The student gives up a paid seat for the quoted refund: recorded on the order, returned by the gateway, and on
/// completion the application is cancelled and its seat passed on to the waitlist, with the ledger reversed, in one
/// transaction.
/// </summary>
public sealed record RefundCohortFeeWorkflow(Guid CohortId, Guid ApplicationId, string? Reason) : IWorkflow<RefundDto>;

internal sealed class RefundCohortFeeValidator : AbstractValidator<RefundCohortFeeWorkflow>
{
    public RefundCohortFeeValidator() => RuleFor(r => r.Reason).MaximumLength(200);
}

internal sealed class RefundCohortFeeHandler(ISender sender) : IWorkflowHandler<RefundCohortFeeWorkflow, RefundDto>
{
    public async ValueTask<RefundDto> Handle(RefundCohortFeeWorkflow request, CancellationToken cancellationToken)
    {
        var quote = await sender.Send(new GetCohortRefundQuoteQuery(request.CohortId, request.ApplicationId), cancellationToken);
        return await sender.RefundAsync(quote.OrderId, quote.CohortId,
            new RefundQuote(quote.Policy.Version, 0, quote.PaidKrw, quote.AmountKrw, quote.Rule), request.Reason, cancellationToken);
    }
}

using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Payments.Queries;

/// <summary>A paid order's receipt as a PDF, for its student (or an Admin), in the given language or the buyer's own.</summary>
public sealed record GetReceiptQuery(Guid OrderId, string? Language = null) : IQuery<ReceiptDocument>;

public sealed record ReceiptDocument(string FileName, byte[] Pdf);

internal sealed class GetReceiptValidator : AbstractValidator<GetReceiptQuery>
{
    public GetReceiptValidator() => RuleFor(q => q.Language).Must(l => l is null || Languages.IsSupported(l))
        .WithMessage($"The language is one of: {string.Join(", ", Languages.Supported)}.");
}

internal sealed class GetReceiptHandler(IReadDb db, IReceiptRenderer renderer, ICurrentUser currentUser) : IQueryHandler<GetReceiptQuery, ReceiptDocument>
{
    public async ValueTask<ReceiptDocument> Handle(GetReceiptQuery query, CancellationToken cancellationToken)
    {
        var receipt = await Receipts.LoadAsync(db, query.OrderId, cancellationToken);
        if (receipt is null || (receipt.StudentId != currentUser.UserId && currentUser.Role != Role.Admin))
        {
            throw OrderAccess.NotFound(query.OrderId);
        }

        if (!receipt.IsPaid)
        {
            throw new ConflictException("RECEIPT_NOT_AVAILABLE", $"The order is {receipt.Status.ToString().ToLowerInvariant()}: only a paid order has a receipt.");
        }

        return new ReceiptDocument($"lecturehub-receipt-{receipt.OrderId:N}.pdf", renderer.Render(receipt, query.Language ?? receipt.BuyerLanguage));
    }
}

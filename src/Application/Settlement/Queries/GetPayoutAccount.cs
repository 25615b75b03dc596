using LectureHub.Application.Abstractions;
using LectureHub.Application.Auth;
using LectureHub.Application.Common.Exceptions;
using Mediator;

namespace LectureHub.Application.Settlement.Queries;

/// <summary>The signed-in instructor's payout account, masked.</summary>
public sealed record GetMyPayoutAccountQuery : IQuery<PayoutAccountDto>;

/// <summary>Admins: an instructor's whole payout account, to transfer a statement (needs a recent step-up).</summary>
public sealed record GetPayoutAccountDetailsQuery(Guid InstructorId) : IQuery<PayoutAccountDetailsDto>;

internal sealed record PayoutAccountRow(Guid InstructorId, string BankName, string SealedAccountNumber, string AccountNumberLast4, string HolderName, DateTimeOffset UpdatedAt);

internal sealed class GetMyPayoutAccountHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<GetMyPayoutAccountQuery, PayoutAccountDto>
{
    public async ValueTask<PayoutAccountDto> Handle(GetMyPayoutAccountQuery query, CancellationToken cancellationToken)
    {
        var row = await PayoutAccounts.LoadAsync(db, currentUser.RequiredUserId, cancellationToken);
        return new PayoutAccountDto(row.BankName, "****" + row.AccountNumberLast4, row.HolderName, row.UpdatedAt);
    }
}

internal sealed class GetPayoutAccountDetailsHandler(IReadDb db, IPayoutAccountSealer sealer, ICurrentUser admin, TimeProvider clock)
    : IQueryHandler<GetPayoutAccountDetailsQuery, PayoutAccountDetailsDto>
{
    public async ValueTask<PayoutAccountDetailsDto> Handle(GetPayoutAccountDetailsQuery query, CancellationToken cancellationToken)
    {
        StepUp.Require(admin, clock);
        // The primary: money is about to move to this account, so not a standby's possibly older copy.
        var row = await PayoutAccounts.LoadAsync(db.Primary, query.InstructorId, cancellationToken);
        return new PayoutAccountDetailsDto(row.InstructorId, row.BankName, sealer.Open(row.SealedAccountNumber), row.HolderName, row.UpdatedAt);
    }
}

internal static class PayoutAccounts
{
    private const string Sql = """
        SELECT instructor_id AS "InstructorId", bank_name AS "BankName", sealed_account_number AS "SealedAccountNumber",
               account_number_last4 AS "AccountNumberLast4", holder_name AS "HolderName", updated_at AS "UpdatedAt"
        FROM payout_accounts
        WHERE instructor_id = @InstructorId
        """;

    public static async Task<PayoutAccountRow> LoadAsync(IReadDb db, Guid instructorId, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<PayoutAccountRow>(Sql, new { InstructorId = instructorId }, ct)
        ?? throw new NotFoundException("PAYOUT_ACCOUNT_NOT_SET", "No payout account is set: the instructor sets one with PUT /api/v1/instructor/payout-account.");
}

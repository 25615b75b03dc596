using LectureHub.Application.Abstractions;
using Mediator;

namespace LectureHub.Application.Settlement.Queries;

/// <summary>Each account's balance (debit positive). They sum to zero, and no transaction is out of balance: that is what this proves.</summary>
public sealed record TrialBalanceDto(IReadOnlyList<AccountBalanceDto> Accounts, long TotalKrw, int UnbalancedTransactions);

public sealed record AccountBalanceDto(string Account, long BalanceKrw);

/// <summary>Admins: the ledger's trial balance, read on the primary.</summary>
public sealed record GetTrialBalanceQuery : IQuery<TrialBalanceDto>;

internal sealed class GetTrialBalanceHandler(IReadDb db) : IQueryHandler<GetTrialBalanceQuery, TrialBalanceDto>
{
    private const string AccountsSql = """
        SELECT account AS "Account", SUM(amount_krw)::bigint AS "BalanceKrw" FROM ledger_entries GROUP BY account ORDER BY account
        """;

    private const string UnbalancedSql = """
        SELECT COUNT(*)::int FROM (SELECT 1 FROM ledger_entries GROUP BY transaction_id HAVING SUM(amount_krw) <> 0) t
        """;

    public async ValueTask<TrialBalanceDto> Handle(GetTrialBalanceQuery query, CancellationToken cancellationToken)
    {
        var accounts = await db.Primary.QueryAsync<AccountBalanceDto>(AccountsSql, null, cancellationToken);
        var unbalanced = await db.Primary.QuerySingleOrDefaultAsync<int>(UnbalancedSql, null, cancellationToken);
        return new TrialBalanceDto(accounts, accounts.Sum(a => a.BalanceKrw), unbalanced);
    }
}

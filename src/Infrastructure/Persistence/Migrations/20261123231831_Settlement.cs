using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LectureHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Settlement : Migration
    {
        /// <summary>What orders placed before settlement existed were sold under: the default terms of the time.</summary>
        private const string TermsBeforeSettlement =
            """{"refunds":{"version":"2026-11","fullRefundDays":7,"fullRefundBelowPercent":10,"partialRefundDays":30,"partialRefundBelowPercent":50},"commissionPercent":30,"gatewayFeePercent":3.3}""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "coupon_id",
                table: "orders",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "refunds",
                table: "orders",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "terms",
                table: "orders",
                type: "jsonb",
                nullable: false,
                defaultValue: TermsBeforeSettlement);

            migrationBuilder.AddColumn<Guid>(
                name: "order_id",
                table: "enrollments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "coupons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    instructor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    percent_off = table.Column<int>(type: "integer", nullable: true),
                    amount_off_krw = table.Column<long>(type: "bigint", nullable: true),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valid_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    usage_cap = table.Column<int>(type: "integer", nullable: false),
                    redemptions = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coupons", x => x.id);
                    table.CheckConstraint("ck_coupons_redemptions", "redemptions BETWEEN 0 AND usage_cap");
                    table.ForeignKey(
                        name: "fk_coupons_users_instructor_id",
                        column: x => x.instructor_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "instructor_statements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instructor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    sales_count = table.Column<int>(type: "integer", nullable: false),
                    refund_count = table.Column<int>(type: "integer", nullable: false),
                    gross_krw = table.Column<long>(type: "bigint", nullable: false),
                    refunded_krw = table.Column<long>(type: "bigint", nullable: false),
                    commission_krw = table.Column<long>(type: "bigint", nullable: false),
                    net_krw = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    payout_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_instructor_statements", x => x.id);
                    table.ForeignKey(
                        name: "fk_instructor_statements_users_instructor_id",
                        column: x => x.instructor_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    transaction_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    account = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    amount_krw = table.Column<long>(type: "bigint", nullable: false),
                    instructor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    course_id = table.Column<Guid>(type: "uuid", nullable: true),
                    statement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_ledger_entries_instructor_statements_statement_id",
                        column: x => x.statement_id,
                        principalTable: "instructor_statements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ledger_entries_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ledger_entries_users_instructor_id",
                        column: x => x.instructor_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_orders_coupon_id",
                table: "orders",
                column: "coupon_id");

            migrationBuilder.CreateIndex(
                name: "ix_enrollments_order_id",
                table: "enrollments",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_coupons_code",
                table: "coupons",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_coupons_instructor_id",
                table: "coupons",
                column: "instructor_id");

            migrationBuilder.CreateIndex(
                name: "ix_instructor_statements_instructor_id_month",
                table: "instructor_statements",
                columns: new[] { "instructor_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_instructor_statements_status_month",
                table: "instructor_statements",
                columns: new[] { "status", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_order_id",
                table: "ledger_entries",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_statement_id",
                table: "ledger_entries",
                column: "statement_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_transaction_id",
                table: "ledger_entries",
                column: "transaction_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_unsettled",
                table: "ledger_entries",
                columns: new[] { "instructor_id", "occurred_at" },
                filter: "statement_id IS NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_enrollments_orders_order_id",
                table: "enrollments",
                column: "order_id",
                principalTable: "orders",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_orders_coupons_coupon_id",
                table: "orders",
                column: "coupon_id",
                principalTable: "coupons",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // Orders placed before this migration: their lines learn their instructor, their enrolments their order.
            migrationBuilder.Sql("""
                UPDATE orders o SET lines = (
                    SELECT jsonb_agg(x.l || jsonb_build_object('instructorId', c.instructor_id) ORDER BY x.n)
                    FROM jsonb_array_elements(o.lines) WITH ORDINALITY AS x(l, n)
                    JOIN courses c ON c.id = (x.l->>'courseId')::uuid)
                WHERE NOT (o.lines->0 ? 'instructorId');
                UPDATE enrollments e SET order_id = (
                    SELECT o.id FROM orders o
                    WHERE o.student_id = e.student_id AND o.status = 'Paid' AND o.lines @> jsonb_build_array(jsonb_build_object('courseId', e.course_id))
                    ORDER BY o.paid_at DESC LIMIT 1)
                WHERE e.source = 'Purchase' AND e.order_id IS NULL;
                """);

            // Reconciliation looks for refunds asked of the gateway and never completed.
            migrationBuilder.Sql("""CREATE INDEX ix_orders_refund_requested ON orders (id) WHERE refunds @> '[{"status": "Requested"}]'""");

            // The database's own guards on the ledger (see LedgerEntryConfiguration).
            migrationBuilder.Sql("""
                CREATE FUNCTION ledger_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF (SELECT sum(amount_krw) FROM ledger_entries WHERE transaction_id = NEW.transaction_id) <> 0 THEN
                        RAISE EXCEPTION 'ledger transaction % does not balance', NEW.transaction_id
                            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ledger_transaction_balanced';
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE CONSTRAINT TRIGGER ledger_transaction_balanced AFTER INSERT ON ledger_entries
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced();

                CREATE FUNCTION ledger_entries_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND OLD.statement_id IS NULL AND NEW.statement_id IS NOT NULL
                       AND (NEW.id, NEW.transaction_id, NEW.kind, NEW.account, NEW.amount_krw, NEW.instructor_id, NEW.order_id, NEW.course_id, NEW.occurred_at)
                           IS NOT DISTINCT FROM (OLD.id, OLD.transaction_id, OLD.kind, OLD.account, OLD.amount_krw, OLD.instructor_id, OLD.order_id, OLD.course_id, OLD.occurred_at) THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'ledger entries are never changed or deleted; only attached once to a statement'
                        USING ERRCODE = 'restrict_violation';
                END $$;
                CREATE TRIGGER ledger_entries_immutable BEFORE UPDATE OR DELETE ON ledger_entries
                    FOR EACH ROW EXECUTE FUNCTION ledger_entries_immutable();

                CREATE FUNCTION instructor_statements_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND OLD.status = 'Closed' AND NEW.status = 'Paid' AND NEW.paid_at IS NOT NULL
                       AND (NEW.id, NEW.instructor_id, NEW.month, NEW.sales_count, NEW.refund_count, NEW.gross_krw, NEW.refunded_krw, NEW.commission_krw, NEW.net_krw, NEW.closed_at)
                           IS NOT DISTINCT FROM (OLD.id, OLD.instructor_id, OLD.month, OLD.sales_count, OLD.refund_count, OLD.gross_krw, OLD.refunded_krw, OLD.commission_krw, OLD.net_krw, OLD.closed_at) THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'closed statements are immutable; only marking one paid is allowed'
                        USING ERRCODE = 'restrict_violation';
                END $$;
                CREATE TRIGGER instructor_statements_immutable BEFORE UPDATE OR DELETE ON instructor_statements
                    FOR EACH ROW EXECUTE FUNCTION instructor_statements_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_orders_refund_requested;
                DROP TRIGGER ledger_transaction_balanced ON ledger_entries;
                DROP TRIGGER ledger_entries_immutable ON ledger_entries;
                DROP TRIGGER instructor_statements_immutable ON instructor_statements;
                DROP FUNCTION ledger_check_balanced();
                DROP FUNCTION ledger_entries_immutable();
                DROP FUNCTION instructor_statements_immutable();
                """);

            migrationBuilder.DropForeignKey(
                name: "fk_enrollments_orders_order_id",
                table: "enrollments");

            migrationBuilder.DropForeignKey(
                name: "fk_orders_coupons_coupon_id",
                table: "orders");

            migrationBuilder.DropTable(
                name: "coupons");

            migrationBuilder.DropTable(
                name: "ledger_entries");

            migrationBuilder.DropTable(
                name: "instructor_statements");

            migrationBuilder.DropIndex(
                name: "ix_orders_coupon_id",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_enrollments_order_id",
                table: "enrollments");

            migrationBuilder.DropColumn(
                name: "coupon_id",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "refunds",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "terms",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "order_id",
                table: "enrollments");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LectureHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PaidCohorts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "cohort_id",
                table: "ledger_entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "order_id",
                table: "cohort_applications",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "paid_at",
                table: "cohort_applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "payment_due_at",
                table: "cohort_applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_cohort_id",
                table: "ledger_entries",
                column: "cohort_id");

            migrationBuilder.CreateIndex(
                name: "ix_cohort_applications_order_id",
                table: "cohort_applications",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_cohort_applications_unpaid_due",
                table: "cohort_applications",
                column: "payment_due_at",
                filter: "status = 'Approved' AND paid_at IS NULL AND payment_due_at IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_cohort_applications_orders_order_id",
                table: "cohort_applications",
                column: "order_id",
                principalTable: "orders",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_cohort_applications_orders_order_id",
                table: "cohort_applications");

            migrationBuilder.DropIndex(
                name: "ix_ledger_entries_cohort_id",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "ix_cohort_applications_order_id",
                table: "cohort_applications");

            migrationBuilder.DropIndex(
                name: "ix_cohort_applications_unpaid_due",
                table: "cohort_applications");

            migrationBuilder.DropColumn(
                name: "cohort_id",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "order_id",
                table: "cohort_applications");

            migrationBuilder.DropColumn(
                name: "paid_at",
                table: "cohort_applications");

            migrationBuilder.DropColumn(
                name: "payment_due_at",
                table: "cohort_applications");
        }
    }
}

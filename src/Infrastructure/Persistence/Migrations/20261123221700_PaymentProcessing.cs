using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LectureHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PaymentProcessing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_payment_webhooks_unprocessed",
                table: "payment_webhooks");

            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "payment_webhooks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "next_attempt_at",
                table: "payment_webhooks",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "payment_anomalies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    payment_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    found_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_anomalies", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payment_webhooks_unprocessed",
                table: "payment_webhooks",
                column: "next_attempt_at",
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_payment_anomalies_found_at",
                table: "payment_anomalies",
                column: "found_at");

            migrationBuilder.CreateIndex(
                name: "ix_payment_anomalies_payment_key_kind",
                table: "payment_anomalies",
                columns: new[] { "payment_key", "kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payment_anomalies");

            migrationBuilder.DropIndex(
                name: "ix_payment_webhooks_unprocessed",
                table: "payment_webhooks");

            migrationBuilder.DropColumn(
                name: "attempts",
                table: "payment_webhooks");

            migrationBuilder.DropColumn(
                name: "next_attempt_at",
                table: "payment_webhooks");

            migrationBuilder.CreateIndex(
                name: "ix_payment_webhooks_unprocessed",
                table: "payment_webhooks",
                column: "received_at",
                filter: "processed_at IS NULL");
        }
    }
}

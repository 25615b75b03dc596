using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LectureHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PaymentWebhookInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payment_webhooks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    webhook_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_webhooks", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payment_webhooks_provider_webhook_id",
                table: "payment_webhooks",
                columns: new[] { "provider", "webhook_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payment_webhooks_unprocessed",
                table: "payment_webhooks",
                column: "received_at",
                filter: "processed_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payment_webhooks");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LectureHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PayoutAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payout_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instructor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bank_name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sealed_account_number = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    account_number_last4 = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    holder_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payout_accounts", x => x.id);
                    table.ForeignKey(
                        name: "fk_payout_accounts_users_instructor_id",
                        column: x => x.instructor_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payout_accounts_instructor_id",
                table: "payout_accounts",
                column: "instructor_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payout_accounts");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LectureHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlatformDashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "learner_days",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learner_days", x => new { x.day, x.student_id });
                    table.ForeignKey(
                        name: "fk_learner_days_users_student_id",
                        column: x => x.student_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // What the progress rows can still tell: each student learned on the day of their latest update.
            migrationBuilder.Sql("""
                INSERT INTO learner_days (day, student_id)
                SELECT DISTINCT (updated_at AT TIME ZONE 'Asia/Seoul')::date, student_id FROM lecture_progress
                """);

            migrationBuilder.CreateIndex(
                name: "ix_users_created_at_id",
                table: "users",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_occurred_at",
                table: "ledger_entries",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_enrollments_enrolled_at",
                table: "enrollments",
                column: "enrolled_at");

            migrationBuilder.CreateIndex(
                name: "ix_cohort_applications_applied_at_id",
                table: "cohort_applications",
                columns: new[] { "applied_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_learner_days_student_id",
                table: "learner_days",
                column: "student_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learner_days");

            migrationBuilder.DropIndex(
                name: "ix_users_created_at_id",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_ledger_entries_occurred_at",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "ix_enrollments_enrolled_at",
                table: "enrollments");

            migrationBuilder.DropIndex(
                name: "ix_cohort_applications_applied_at_id",
                table: "cohort_applications");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LectureHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlatformDayRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ledger_entries_course_id",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "ix_learner_days_student_id",
                table: "learner_days");

            migrationBuilder.DropIndex(
                name: "ix_courses_instructor_id",
                table: "courses");

            migrationBuilder.CreateTable(
                name: "platform_days",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sign_ups = table.Column<int>(type: "integer", nullable: false),
                    learners = table.Column<int>(type: "integer", nullable: false),
                    sales = table.Column<int>(type: "integer", nullable: false),
                    refunds = table.Column<int>(type: "integer", nullable: false),
                    gross_krw = table.Column<long>(type: "bigint", nullable: false),
                    refunded_krw = table.Column<long>(type: "bigint", nullable: false),
                    commission_krw = table.Column<long>(type: "bigint", nullable: false),
                    enrolments = table.Column<int>(type: "integer", nullable: false),
                    applications = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_days", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "platform_learner_gaps",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    days_since_previous = table.Column<int>(type: "integer", nullable: true),
                    learners = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_learner_gaps", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_course_id",
                table: "ledger_entries",
                column: "course_id")
                .Annotation("Npgsql:IndexInclude", new[] { "kind", "account", "amount_krw" });

            migrationBuilder.CreateIndex(
                name: "ix_learner_days_student_id_day",
                table: "learner_days",
                columns: new[] { "student_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_courses_instructor_id_created_at_id",
                table: "courses",
                columns: new[] { "instructor_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_platform_days_day_category_id",
                table: "platform_days",
                columns: new[] { "day", "category_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_platform_learner_gaps_day_days_since_previous",
                table: "platform_learner_gaps",
                columns: new[] { "day", "days_since_previous" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_days");

            migrationBuilder.DropTable(
                name: "platform_learner_gaps");

            migrationBuilder.DropIndex(
                name: "ix_ledger_entries_course_id",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "ix_learner_days_student_id_day",
                table: "learner_days");

            migrationBuilder.DropIndex(
                name: "ix_courses_instructor_id_created_at_id",
                table: "courses");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_course_id",
                table: "ledger_entries",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_learner_days_student_id",
                table: "learner_days",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_courses_instructor_id",
                table: "courses",
                column: "instructor_id");
        }
    }
}

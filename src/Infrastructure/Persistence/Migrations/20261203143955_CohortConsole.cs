using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LectureHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CohortConsole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cohorts_owner_id",
                table: "cohorts");

            migrationBuilder.AddColumn<string>(
                name: "cancellation_reason",
                table: "cohorts",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "cancelled_at",
                table: "cohorts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "category_id",
                table: "cohorts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "region",
                table: "cohorts",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            // A course's cohorts take its trade, as new ones do.
            migrationBuilder.Sql("UPDATE cohorts c SET category_id = co.category_id FROM courses co WHERE co.id = c.course_id");

            migrationBuilder.CreateIndex(
                name: "ix_cohorts_category_id",
                table: "cohorts",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_cohorts_owner_id_created_at_id",
                table: "cohorts",
                columns: new[] { "owner_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cohorts_public_recruit_ends_at",
                table: "cohorts",
                columns: new[] { "recruit_ends_at", "id" },
                filter: "visibility = 'Public' AND cancelled_at IS NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_cohorts_categories_category_id",
                table: "cohorts",
                column: "category_id",
                principalTable: "categories",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_cohorts_categories_category_id",
                table: "cohorts");

            migrationBuilder.DropIndex(
                name: "ix_cohorts_category_id",
                table: "cohorts");

            migrationBuilder.DropIndex(
                name: "ix_cohorts_owner_id_created_at_id",
                table: "cohorts");

            migrationBuilder.DropIndex(
                name: "ix_cohorts_public_recruit_ends_at",
                table: "cohorts");

            migrationBuilder.DropColumn(
                name: "cancellation_reason",
                table: "cohorts");

            migrationBuilder.DropColumn(
                name: "cancelled_at",
                table: "cohorts");

            migrationBuilder.DropColumn(
                name: "category_id",
                table: "cohorts");

            migrationBuilder.DropColumn(
                name: "region",
                table: "cohorts");

            migrationBuilder.CreateIndex(
                name: "ix_cohorts_owner_id",
                table: "cohorts",
                column: "owner_id");
        }
    }
}

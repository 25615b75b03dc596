using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LectureHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_courses_category_id_status_published_at",
                table: "courses");

            migrationBuilder.AddColumn<double>(
                name: "rating_rank",
                table: "course_stats",
                type: "double precision",
                nullable: false,
                computedColumnSql: "coalesce(rating_sum::float8 / nullif(rating_count, 0), -1)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_courses_category_id_status_price_krw_id",
                table: "courses",
                columns: new[] { "category_id", "status", "price_krw", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_courses_category_id_status_published_at_id",
                table: "courses",
                columns: new[] { "category_id", "status", "published_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_course_stats_rating_rank",
                table: "course_stats",
                columns: new[] { "rating_rank", "course_id" },
                descending: new bool[0]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_courses_category_id_status_price_krw_id",
                table: "courses");

            migrationBuilder.DropIndex(
                name: "ix_courses_category_id_status_published_at_id",
                table: "courses");

            migrationBuilder.DropIndex(
                name: "ix_course_stats_rating_rank",
                table: "course_stats");

            migrationBuilder.DropColumn(
                name: "rating_rank",
                table: "course_stats");

            migrationBuilder.CreateIndex(
                name: "ix_courses_category_id_status_published_at",
                table: "courses",
                columns: new[] { "category_id", "status", "published_at" });
        }
    }
}

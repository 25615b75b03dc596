using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LectureHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CourseStatsPopularity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Search joins every course to its stats row; courses created before rows were made at creation get one now.
            migrationBuilder.Sql("""
                INSERT INTO course_stats (course_id, like_count, enrollment_count, rating_count, rating_sum)
                SELECT id, 0, 0, 0, 0 FROM courses ON CONFLICT (course_id) DO NOTHING
                """);

            migrationBuilder.AddColumn<int>(
                name: "popularity",
                table: "course_stats",
                type: "integer",
                nullable: false,
                computedColumnSql: "like_count + enrollment_count",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_course_stats_popularity",
                table: "course_stats",
                columns: new[] { "popularity", "course_id" },
                descending: new bool[0]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_course_stats_popularity",
                table: "course_stats");

            migrationBuilder.DropColumn(
                name: "popularity",
                table: "course_stats");
        }
    }
}

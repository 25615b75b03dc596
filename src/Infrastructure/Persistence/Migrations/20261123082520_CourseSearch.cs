using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace LectureHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CourseSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The generated search columns below call these functions, so they come first.
            migrationBuilder.Sql(SearchSql.CreateFunctions);

            migrationBuilder.DropIndex(
                name: "ix_courses_category_id",
                table: "courses");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "name_vector",
                table: "users",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple', lh_bigrams(display_name))",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "courses",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('simple', lh_bigrams(title)), 'A') || setweight(to_tsvector('simple', lh_bigrams(summary || ' ' || lh_tags_text(tags))), 'B')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_name_vector",
                table: "users",
                column: "name_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_courses_category_id_status_published_at",
                table: "courses",
                columns: new[] { "category_id", "status", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_courses_search_vector",
                table: "courses",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_courses_status_price_krw_id",
                table: "courses",
                columns: new[] { "status", "price_krw", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_courses_status_published_at_id",
                table: "courses",
                columns: new[] { "status", "published_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_users_name_vector",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_courses_category_id_status_published_at",
                table: "courses");

            migrationBuilder.DropIndex(
                name: "ix_courses_search_vector",
                table: "courses");

            migrationBuilder.DropIndex(
                name: "ix_courses_status_price_krw_id",
                table: "courses");

            migrationBuilder.DropIndex(
                name: "ix_courses_status_published_at_id",
                table: "courses");

            migrationBuilder.DropColumn(
                name: "name_vector",
                table: "users");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "courses");

            migrationBuilder.CreateIndex(
                name: "ix_courses_category_id",
                table: "courses",
                column: "category_id");

            migrationBuilder.Sql(SearchSql.DropFunctions);
        }
    }
}

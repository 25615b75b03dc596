using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LectureHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndexesForReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_users_name_vector",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_courses_search_vector",
                table: "courses");

            migrationBuilder.CreateIndex(
                name: "ix_users_name_vector",
                table: "users",
                column: "name_vector",
                filter: "role <> 'Student'")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.CreateIndex(
                name: "ix_courses_search_vector",
                table: "courses",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_users_name_vector",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_courses_search_vector",
                table: "courses");

            migrationBuilder.CreateIndex(
                name: "ix_users_name_vector",
                table: "users",
                column: "name_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_courses_search_vector",
                table: "courses",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}

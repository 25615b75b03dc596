using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace LectureHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Catalog : Migration
    {
        // The bigram search functions as written on the day (SearchSql's SQL calls them by name).
        private const string CreateSearchFunctions = """
            CREATE OR REPLACE FUNCTION lh_words(input text) RETURNS SETOF text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                SELECT w FROM regexp_split_to_table(lower(coalesce(input, '')), '[^[:alnum:]]+') AS w WHERE w <> ''
            $$;

            CREATE OR REPLACE FUNCTION lh_bigrams(input text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                SELECT coalesce(string_agg(CASE WHEN length(w) = 1 THEN w ELSE substr(w, i, 2) END, ' '), '')
                FROM lh_words(input) AS w, generate_series(1, greatest(length(w) - 1, 1)) AS i
            $$;

            CREATE OR REPLACE FUNCTION lh_bigram_query(input text) RETURNS tsquery
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                SELECT to_tsquery('simple', string_agg(
                    CASE WHEN length(w) = 1 THEN quote_literal(w) || ':*' ELSE quote_literal(substr(w, i, 2)) END, ' & '))
                FROM lh_words(input) AS w, generate_series(1, greatest(length(w) - 1, 1)) AS i
            $$;

            CREATE OR REPLACE FUNCTION lh_tags_text(tags text[]) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string(tags, ' ') $$;
            """;

        private const string DropSearchFunctions = """
            DROP FUNCTION IF EXISTS lh_tags_text(text[]);
            DROP FUNCTION IF EXISTS lh_bigram_query(text);
            DROP FUNCTION IF EXISTS lh_bigrams(text);
            DROP FUNCTION IF EXISTS lh_words(text);
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The generated search columns below call these functions, so they come first.
            migrationBuilder.Sql(CreateSearchFunctions);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "name_vector",
                table: "users",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple', lh_bigrams(display_name))",
                stored: true);

            migrationBuilder.CreateTable(
                name: "courses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instructor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    summary = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    price_krw = table.Column<long>(type: "bigint", nullable: false),
                    tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    thumbnail_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "setweight(to_tsvector('simple', lh_bigrams(title)), 'A') || setweight(to_tsvector('simple', lh_bigrams(summary || ' ' || lh_tags_text(tags))), 'B')", stored: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_courses", x => x.id);
                    table.CheckConstraint("ck_courses_price_krw", "price_krw >= 0");
                    table.ForeignKey(
                        name: "fk_courses_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_courses_users_instructor_id",
                        column: x => x.instructor_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "course_likes",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_course_likes", x => new { x.user_id, x.course_id });
                    table.ForeignKey(
                        name: "fk_course_likes_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_course_likes_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "course_stats",
                columns: table => new
                {
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    like_count = table.Column<int>(type: "integer", nullable: false),
                    enrollment_count = table.Column<int>(type: "integer", nullable: false),
                    rating_count = table.Column<int>(type: "integer", nullable: false),
                    rating_sum = table.Column<int>(type: "integer", nullable: false),
                    popularity = table.Column<int>(type: "integer", nullable: false, computedColumnSql: "like_count + enrollment_count", stored: true),
                    rating_rank = table.Column<double>(type: "double precision", nullable: false, computedColumnSql: "coalesce(rating_sum::float8 / nullif(rating_count, 0), -1)", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_course_stats", x => x.course_id);
                    table.CheckConstraint("ck_course_stats_like_count", "like_count >= 0");
                    table.ForeignKey(
                        name: "fk_course_stats_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sections", x => x.id);
                    table.ForeignKey(
                        name: "fk_sections_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lectures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    section_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    duration_seconds = table.Column<int>(type: "integer", nullable: false),
                    is_free_preview = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lectures", x => x.id);
                    table.ForeignKey(
                        name: "fk_lectures_section_section_id",
                        column: x => x.section_id,
                        principalTable: "sections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_users_name_vector",
                table: "users",
                column: "name_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_course_likes_course_id_created_at",
                table: "course_likes",
                columns: new[] { "course_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_course_likes_user_id_created_at",
                table: "course_likes",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_course_stats_popularity",
                table: "course_stats",
                columns: new[] { "popularity", "course_id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_course_stats_rating_rank",
                table: "course_stats",
                columns: new[] { "rating_rank", "course_id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_courses_category_id_status_price_krw_id",
                table: "courses",
                columns: new[] { "category_id", "status", "price_krw", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_courses_category_id_status_published_at_id",
                table: "courses",
                columns: new[] { "category_id", "status", "published_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_courses_instructor_id",
                table: "courses",
                column: "instructor_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_lectures_section_id_position",
                table: "lectures",
                columns: new[] { "section_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_sections_course_id_position",
                table: "sections",
                columns: new[] { "course_id", "position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "course_likes");

            migrationBuilder.DropTable(
                name: "course_stats");

            migrationBuilder.DropTable(
                name: "lectures");

            migrationBuilder.DropTable(
                name: "sections");

            migrationBuilder.DropTable(
                name: "courses");

            migrationBuilder.DropIndex(
                name: "ix_users_name_vector",
                table: "users");

            migrationBuilder.DropColumn(
                name: "name_vector",
                table: "users");

            migrationBuilder.Sql(DropSearchFunctions);
        }
    }
}

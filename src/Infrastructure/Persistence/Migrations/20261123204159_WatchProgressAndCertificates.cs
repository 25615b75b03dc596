using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace LectureHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WatchProgressAndCertificates : Migration
    {
        // As written on the day, one definition each: the video a lecture plays (its newest Ready one), the length progress
        // is measured against (that video's, which is also what a watch session clamps to, else the instructor's
        // figure), and the length of a multirange.
        private const string CreateProgressViews = """
            CREATE FUNCTION watched_ms(int4multirange) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT COALESCE(sum(upper(r) - lower(r)), 0)::integer FROM unnest($1) AS r $$;

            CREATE VIEW lecture_current_videos AS
            SELECT DISTINCT ON (lecture_id) lecture_id, id AS video_id, master_playlist_path, duration_seconds
            FROM lecture_videos
            WHERE status = 'Ready'
            ORDER BY lecture_id, created_at DESC;

            CREATE VIEW lecture_durations AS
            SELECT l.id AS lecture_id, s.course_id, COALESCE(round(v.duration_seconds * 1000)::integer, l.duration_seconds * 1000) AS duration_ms
            FROM lectures l
            JOIN sections s ON s.id = l.section_id
            LEFT JOIN lecture_current_videos v ON v.lecture_id = l.id;
            """;

        private const string DropProgressViews = """
            DROP VIEW lecture_durations;
            DROP VIEW lecture_current_videos;
            DROP FUNCTION watched_ms(int4multirange);
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    course_title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    instructor_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificates", x => x.id);
                    table.ForeignKey(
                        name: "fk_certificates_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_certificates_users_student_id",
                        column: x => x.student_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "lecture_progress",
                columns: table => new
                {
                    student_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lecture_id = table.Column<Guid>(type: "uuid", nullable: false),
                    watched = table.Column<NpgsqlRange<int>[]>(type: "int4multirange", nullable: false),
                    covered_ms = table.Column<int>(type: "integer", nullable: false),
                    position_ms = table.Column<int>(type: "integer", nullable: false),
                    position_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lecture_progress", x => new { x.student_id, x.lecture_id });
                    table.ForeignKey(
                        name: "fk_lecture_progress_lectures_lecture_id",
                        column: x => x.lecture_id,
                        principalTable: "lectures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_lecture_progress_users_student_id",
                        column: x => x.student_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_certificates_code",
                table: "certificates",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certificates_course_id",
                table: "certificates",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_student_id_course_id",
                table: "certificates",
                columns: new[] { "student_id", "course_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lecture_progress_lecture_id",
                table: "lecture_progress",
                column: "lecture_id");

            migrationBuilder.Sql(CreateProgressViews);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropProgressViews);

            migrationBuilder.DropTable(
                name: "certificates");

            migrationBuilder.DropTable(
                name: "lecture_progress");
        }
    }
}

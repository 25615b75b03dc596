using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LectureHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Enrolment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cohorts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    waitlist_capacity = table.Column<int>(type: "integer", nullable: false),
                    selection = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recruit_starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recruit_ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    class_starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    class_ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    is_online = table.Column<bool>(type: "boolean", nullable: false),
                    fee_krw = table.Column<long>(type: "bigint", nullable: false),
                    visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    form = table.Column<string>(type: "jsonb", nullable: false),
                    terms = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohorts", x => x.id);
                    table.CheckConstraint("ck_cohorts_fee_krw", "fee_krw >= 0");
                    table.ForeignKey(
                        name: "fk_cohorts_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cohorts_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enrollments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    enrolled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enrollments", x => x.id);
                    table.ForeignKey(
                        name: "fk_enrollments_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_enrollments_users_student_id",
                        column: x => x.student_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    request_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    content_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    body = table.Column<byte[]>(type: "bytea", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => new { x.user_id, x.key });
                });

            migrationBuilder.CreateTable(
                name: "cohort_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    waitlist_number = table.Column<long>(type: "bigint", nullable: true),
                    form = table.Column<string>(type: "jsonb", nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    accepted_terms = table.Column<string>(type: "jsonb", nullable: false),
                    rejection_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_cohort_applications_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cohort_applications_users_student_id",
                        column: x => x.student_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cohort_seats",
                columns: table => new
                {
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    taken = table.Column<int>(type: "integer", nullable: false),
                    waitlist_capacity = table.Column<int>(type: "integer", nullable: false),
                    waitlisted = table.Column<int>(type: "integer", nullable: false),
                    waitlist_issued = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_seats", x => x.cohort_id);
                    table.CheckConstraint("ck_cohort_seats_taken", "taken BETWEEN 0 AND capacity");
                    table.CheckConstraint("ck_cohort_seats_waitlisted", "waitlisted BETWEEN 0 AND waitlist_capacity");
                    table.ForeignKey(
                        name: "fk_cohort_seats_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cohort_applications_cohort_id_status_applied_at_id",
                table: "cohort_applications",
                columns: new[] { "cohort_id", "status", "applied_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cohort_applications_cohort_id_student_id",
                table: "cohort_applications",
                columns: new[] { "cohort_id", "student_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cohort_applications_cohort_id_waitlist_number",
                table: "cohort_applications",
                columns: new[] { "cohort_id", "waitlist_number" },
                filter: "status = 'Waitlisted'");

            migrationBuilder.CreateIndex(
                name: "ix_cohort_applications_student_id_applied_at",
                table: "cohort_applications",
                columns: new[] { "student_id", "applied_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cohorts_course_id",
                table: "cohorts",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_cohorts_owner_id",
                table: "cohorts",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_enrollments_course_id",
                table: "enrollments",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_enrollments_student_id_course_id",
                table: "enrollments",
                columns: new[] { "student_id", "course_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enrollments_student_id_enrolled_at",
                table: "enrollments",
                columns: new[] { "student_id", "enrolled_at" });

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_created_at",
                table: "idempotency_keys",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cohort_applications");

            migrationBuilder.DropTable(
                name: "cohort_seats");

            migrationBuilder.DropTable(
                name: "enrollments");

            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropTable(
                name: "cohorts");
        }
    }
}

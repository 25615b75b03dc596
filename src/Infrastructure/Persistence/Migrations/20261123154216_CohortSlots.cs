using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LectureHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CohortSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "cohort_waitlist_numbers");

            migrationBuilder.CreateTable(
                name: "cohort_slots",
                columns: table => new
                {
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_slots", x => new { x.cohort_id, x.kind, x.number });
                });

            migrationBuilder.CreateIndex(
                name: "ix_cohort_slots_cohort_id_student_id",
                table: "cohort_slots",
                columns: new[] { "cohort_id", "student_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cohort_slots_free",
                table: "cohort_slots",
                columns: new[] { "cohort_id", "kind", "number" },
                filter: "student_id IS NULL");

            // Deferred: CohortSeats inserts a new cohort's places before EF saves the cohort row, in one transaction.
            migrationBuilder.Sql("""
                ALTER TABLE cohort_slots ADD CONSTRAINT fk_cohort_slots_cohorts_cohort_id
                FOREIGN KEY (cohort_id) REFERENCES cohorts (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
                """);

            // Existing cohorts: one place per seat and waitlist place, held by the applications that hold them now
            // (waitlisted ones in their waitlist order). New waitlist numbers continue above every existing one.
            migrationBuilder.Sql("""
                INSERT INTO cohort_slots (cohort_id, kind, number)
                SELECT cohort_id, 'Seat', n FROM cohort_seats, generate_series(1, capacity) n
                UNION ALL
                SELECT cohort_id, 'Waitlist', n FROM cohort_seats, generate_series(1, waitlist_capacity) n;

                UPDATE cohort_slots sl SET student_id = held.student_id
                FROM (SELECT cohort_id, student_id, CASE status WHEN 'Approved' THEN 'Seat' ELSE 'Waitlist' END AS kind,
                             row_number() OVER (PARTITION BY cohort_id, status ORDER BY waitlist_number NULLS FIRST, decided_at, id) AS number
                      FROM cohort_applications WHERE status IN ('Approved', 'Waitlisted')) held
                WHERE sl.cohort_id = held.cohort_id AND sl.kind = held.kind AND sl.number = held.number;

                SELECT setval('cohort_waitlist_numbers', coalesce((SELECT max(waitlist_number) FROM cohort_applications), 0) + 1, false);
                """);

            migrationBuilder.DropTable(
                name: "cohort_seats");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.CreateTable(
                name: "cohort_seats",
                columns: table => new
                {
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    taken = table.Column<int>(type: "integer", nullable: false),
                    waitlist_capacity = table.Column<int>(type: "integer", nullable: false),
                    waitlist_issued = table.Column<long>(type: "bigint", nullable: false),
                    waitlisted = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.Sql("""
                INSERT INTO cohort_seats (cohort_id, capacity, taken, waitlist_capacity, waitlisted, waitlist_issued)
                SELECT c.id, c.capacity,
                       (SELECT count(*) FROM cohort_slots sl WHERE sl.cohort_id = c.id AND sl.kind = 'Seat' AND sl.student_id IS NOT NULL),
                       c.waitlist_capacity,
                       (SELECT count(*) FROM cohort_slots sl WHERE sl.cohort_id = c.id AND sl.kind = 'Waitlist' AND sl.student_id IS NOT NULL),
                       coalesce((SELECT max(waitlist_number) FROM cohort_applications a WHERE a.cohort_id = c.id), 0)
                FROM cohorts c;
                """);

            migrationBuilder.DropTable(
                name: "cohort_slots");

            migrationBuilder.DropSequence(
                name: "cohort_waitlist_numbers");
        }
    }
}

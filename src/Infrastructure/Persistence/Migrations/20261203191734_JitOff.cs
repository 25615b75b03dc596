using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LectureHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class JitOff : Migration
    {
        /// <summary>
        /// The JIT compiler spends about a second compiling the dashboard's and consoles' aggregate
        /// plans and saves less than that; OLTP plans never need it. Per database, so every session
        /// (API, workers, psql) gets the same plans.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET jit = off', current_database()); END $$;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET jit', current_database()); END $$;");
        }
    }
}

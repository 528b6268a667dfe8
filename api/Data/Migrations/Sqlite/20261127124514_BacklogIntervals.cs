using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PetitionGraph.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BacklogIntervals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_backlog_intervals",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<int>(type: "INTEGER", nullable: false),
                    entered_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    left_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_backlog_intervals", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_backlog_intervals_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_backlog_intervals_case_id",
                table: "case_backlog_intervals",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_backlog_intervals_entered_at_left_at",
                table: "case_backlog_intervals",
                columns: new[] { "entered_at", "left_at" });

            // Cases created before this migration kept one backlog span in cases.backlog_since/backlog_until.
            migrationBuilder.Sql(
                "INSERT INTO case_backlog_intervals (case_id, entered_at, left_at) " +
                "SELECT id, backlog_since, backlog_until FROM cases WHERE backlog_since IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_backlog_intervals");
        }
    }
}

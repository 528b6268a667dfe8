using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PetitionGraph.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Units : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "referral_id",
                table: "notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "responsible_units",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_responsible_units", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<int>(type: "INTEGER", nullable: false),
                    unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    part = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    instructions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    due_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    referred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    referred_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    accepted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    replied_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    measures = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    result = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    returned_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    return_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    urges = table.Column<int>(type: "INTEGER", nullable: false),
                    last_urged_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referrals", x => x.id);
                    table.ForeignKey(
                        name: "fk_referrals_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_referrals_responsible_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "responsible_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_case_id_unit_id",
                table: "referrals",
                columns: new[] { "case_id", "unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_unit_id_status_due_at",
                table: "referrals",
                columns: new[] { "unit_id", "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_responsible_units_code",
                table: "responsible_units",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "referrals");

            migrationBuilder.DropTable(
                name: "responsible_units");

            migrationBuilder.DropColumn(
                name: "referral_id",
                table: "notifications");
        }
    }
}

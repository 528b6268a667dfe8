using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PetitionGraph.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "report_subscriptions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    report = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "report_deliveries",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    run_id = table.Column<int>(type: "INTEGER", nullable: false),
                    subscription_id = table.Column<int>(type: "INTEGER", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    claimed_by = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    claimed_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_report_deliveries_report_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "report_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_report_deliveries_report_subscriptions_subscription_id",
                        column: x => x.subscription_id,
                        principalTable: "report_subscriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_report_deliveries_run_id_kind_address",
                table: "report_deliveries",
                columns: new[] { "run_id", "kind", "address" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_report_deliveries_status_next_attempt_at",
                table: "report_deliveries",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_report_deliveries_subscription_id",
                table: "report_deliveries",
                column: "subscription_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_subscriptions_report_active",
                table: "report_subscriptions",
                columns: new[] { "report", "active" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_deliveries");

            migrationBuilder.DropTable(
                name: "report_subscriptions");
        }
    }
}

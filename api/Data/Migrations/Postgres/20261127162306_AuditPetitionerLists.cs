using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PetitionGraph.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditPetitionerLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One entry now lists every petitioner a request read; each earlier entry becomes a list of one.
            migrationBuilder.AddColumn<List<int>>(
                name: "petitioner_ids",
                table: "audit_entries",
                type: "integer[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.Sql("UPDATE audit_entries SET petitioner_ids = ARRAY[petitioner_id] WHERE petitioner_id IS NOT NULL");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_petitioner_id_at",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "petitioner_id",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_petitioner_ids",
                table: "audit_entries",
                column: "petitioner_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            // Every row was rewritten: without fresh statistics the planner misjudges "entries about petitioner X".
            migrationBuilder.Sql("ANALYZE audit_entries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_petitioner_ids",
                table: "audit_entries");

            migrationBuilder.AddColumn<int>(
                name: "petitioner_id",
                table: "audit_entries",
                type: "integer",
                nullable: true);

            // Entries that listed several petitioners keep only the first: the older schema had room for one.
            migrationBuilder.Sql("UPDATE audit_entries SET petitioner_id = petitioner_ids[1]");

            migrationBuilder.DropColumn(
                name: "petitioner_ids",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_petitioner_id_at",
                table: "audit_entries",
                columns: new[] { "petitioner_id", "at" });
        }
    }
}

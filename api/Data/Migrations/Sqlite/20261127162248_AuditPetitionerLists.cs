using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PetitionGraph.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditPetitionerLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One entry now lists every petitioner a request read; each earlier entry becomes a list of one.
            migrationBuilder.AddColumn<string>(
                name: "petitioner_ids",
                table: "audit_entries",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.Sql("UPDATE audit_entries SET petitioner_ids = json_array(petitioner_id) WHERE petitioner_id IS NOT NULL");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_petitioner_id_at",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "petitioner_id",
                table: "audit_entries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "petitioner_id",
                table: "audit_entries",
                type: "INTEGER",
                nullable: true);

            // Entries that listed several petitioners keep only the first: the older schema had room for one.
            migrationBuilder.Sql("UPDATE audit_entries SET petitioner_id = json_extract(petitioner_ids, '$[0]')");

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

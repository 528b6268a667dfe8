using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PetitionGraph.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KeyClassTallyIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_petitions_key_class_tally",
                table: "petitions",
                column: "case_id",
                filter: "level IN ('NATIONAL', 'PROVINCE') OR referred_from = 'CITY'")
                .Annotation("Npgsql:IndexInclude", new[] { "received_at", "level", "referred_from", "people_count" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_petitions_key_class_tally",
                table: "petitions");
        }
    }
}

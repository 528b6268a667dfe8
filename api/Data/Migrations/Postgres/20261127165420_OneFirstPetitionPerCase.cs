using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PetitionGraph.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneFirstPetitionPerCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_petitions_case_id",
                table: "petitions",
                column: "case_id",
                unique: true,
                filter: "is_first");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_petitions_case_id",
                table: "petitions");
        }
    }
}

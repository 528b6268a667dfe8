using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PetitionGraph.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FigureIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_petitions_received_at",
                table: "petitions");

            migrationBuilder.CreateIndex(
                name: "ix_petitions_received_at",
                table: "petitions",
                column: "received_at")
                .Annotation("Npgsql:IndexInclude", new[] { "case_id", "level", "is_first" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_id",
                table: "cases",
                column: "id")
                .Annotation("Npgsql:IndexInclude", new[] { "category_id", "village_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_petitions_received_at",
                table: "petitions");

            migrationBuilder.DropIndex(
                name: "ix_cases_id",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_petitions_received_at",
                table: "petitions",
                column: "received_at");
        }
    }
}

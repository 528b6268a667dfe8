using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PetitionGraph.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SettlementWays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "assistance_amount",
                table: "cases",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "assistance_kind",
                table: "cases",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "settlement_way_id",
                table: "cases",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "settlement_ways",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name_zh = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settlement_ways", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cases_settlement_way_id",
                table: "cases",
                column: "settlement_way_id");

            migrationBuilder.CreateIndex(
                name: "ix_settlement_ways_code",
                table: "settlement_ways",
                column: "code",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_cases_settlement_ways_settlement_way_id",
                table: "cases",
                column: "settlement_way_id",
                principalTable: "settlement_ways",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_cases_settlement_ways_settlement_way_id",
                table: "cases");

            migrationBuilder.DropTable(
                name: "settlement_ways");

            migrationBuilder.DropIndex(
                name: "ix_cases_settlement_way_id",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "assistance_amount",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "assistance_kind",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "settlement_way_id",
                table: "cases");
        }
    }
}

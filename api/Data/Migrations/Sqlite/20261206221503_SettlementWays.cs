using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PetitionGraph.Api.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "assistance_kind",
                table: "cases",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "settlement_ways",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name_zh = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settlement_ways", x => x.id);
                });

            // The column with its foreign key in place, not EF's rebuild of the cases table (see the Teams migration).
            migrationBuilder.Sql("ALTER TABLE cases ADD COLUMN settlement_way_id INTEGER NULL CONSTRAINT fk_cases_settlement_ways_settlement_way_id REFERENCES settlement_ways (id) ON DELETE RESTRICT;");

            migrationBuilder.CreateIndex(
                name: "ix_cases_settlement_way_id",
                table: "cases",
                column: "settlement_way_id");

            migrationBuilder.CreateIndex(
                name: "ix_settlement_ways_code",
                table: "settlement_ways",
                column: "code",
                unique: true);

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

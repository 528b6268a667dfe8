using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PetitionGraph.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FigureRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "figure_rollups",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    period_id = table.Column<int>(type: "INTEGER", nullable: false),
                    grouping = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    category_id = table.Column<int>(type: "INTEGER", nullable: true),
                    village_id = table.Column<int>(type: "INTEGER", nullable: true),
                    leader_id = table.Column<int>(type: "INTEGER", nullable: true),
                    channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    counts = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_figure_rollups", x => x.id);
                    table.ForeignKey(
                        name: "fk_figure_rollups_closed_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "closed_periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_figure_rollups_key",
                table: "figure_rollups",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_figure_rollups_period_id_grouping",
                table: "figure_rollups",
                columns: new[] { "period_id", "grouping" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "figure_rollups");
        }
    }
}

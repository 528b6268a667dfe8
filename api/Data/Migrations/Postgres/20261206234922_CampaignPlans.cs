using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PetitionGraph.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CampaignPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "set_at",
                table: "campaign_target",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "set_by",
                table: "campaign_target",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "campaign_cases",
                columns: table => new
                {
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    case_id = table.Column<int>(type: "integer", nullable: false),
                    added_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    added_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_cases", x => new { x.campaign_id, x.case_id });
                    table.ForeignKey(
                        name: "fk_campaign_cases_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_campaign_cases_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "campaign_heads",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    leader_id = table.Column<int>(type: "integer", nullable: false),
                    duty = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_heads", x => x.id);
                    table.ForeignKey(
                        name: "fk_campaign_heads_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_campaign_heads_leaders_leader_id",
                        column: x => x.leader_id,
                        principalTable: "leaders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campaign_target_revisions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    figure = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    comparison = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    set_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    set_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    replaced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    replaced_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_target_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_campaign_target_revisions_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "district_figures",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    figure = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    period_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    period_to = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    entered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    entered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_district_figures", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_campaign_cases_case_id",
                table: "campaign_cases",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_heads_campaign_id",
                table: "campaign_heads",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_heads_leader_id",
                table: "campaign_heads",
                column: "leader_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_target_revisions_campaign_id",
                table: "campaign_target_revisions",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_district_figures_figure_period_to",
                table: "district_figures",
                columns: new[] { "figure", "period_to" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "campaign_cases");

            migrationBuilder.DropTable(
                name: "campaign_heads");

            migrationBuilder.DropTable(
                name: "campaign_target_revisions");

            migrationBuilder.DropTable(
                name: "district_figures");

            migrationBuilder.DropColumn(
                name: "set_at",
                table: "campaign_target");

            migrationBuilder.DropColumn(
                name: "set_by",
                table: "campaign_target");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PetitionGraph.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_number_counters",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_number_counters", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "categories",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name_zh = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    name_en = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_categories", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "villages",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_villages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    demand = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    category_id = table.Column<int>(type: "integer", nullable: false),
                    village_id = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    opened_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    accept_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    accepted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    conclude_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    concluded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    resolved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    terminated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    backlog_since = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    backlog_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    key_class = table.Column<int>(type: "integer", nullable: true),
                    last_petition_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    petition_count = table.Column<int>(type: "integer", nullable: false),
                    high_level_petition_count = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_cases_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cases_villages_village_id",
                        column: x => x.village_id,
                        principalTable: "villages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "leaders",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    village_id = table.Column<int>(type: "integer", nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leaders", x => x.id);
                    table.ForeignKey(
                        name: "fk_leaders_villages_village_id",
                        column: x => x.village_id,
                        principalTable: "villages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "petitioners",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    address = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    village_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_petitioners", x => x.id);
                    table.ForeignKey(
                        name: "fk_petitioners_villages_village_id",
                        column: x => x.village_id,
                        principalTable: "villages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_activities",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    actor = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_activities_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_events",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    actor = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_events_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evaluations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    result = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluations", x => x.id);
                    table.ForeignKey(
                        name: "fk_evaluations_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "petitions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<int>(type: "integer", nullable: false),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    people_count = table.Column<int>(type: "integer", nullable: false),
                    referred_from = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    is_first = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_petitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_petitions_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_accused_leaders",
                columns: table => new
                {
                    case_id = table.Column<int>(type: "integer", nullable: false),
                    leader_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_accused_leaders", x => new { x.case_id, x.leader_id });
                    table.ForeignKey(
                        name: "fk_case_accused_leaders_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_case_accused_leaders_leaders_leader_id",
                        column: x => x.leader_id,
                        principalTable: "leaders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "leader_assignments",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<int>(type: "integer", nullable: false),
                    leader_id = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    valid_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    valid_to = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leader_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_leader_assignments_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_leader_assignments_leaders_leader_id",
                        column: x => x.leader_id,
                        principalTable: "leaders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_petitioners",
                columns: table => new
                {
                    case_id = table.Column<int>(type: "integer", nullable: false),
                    petitioner_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_petitioners", x => new { x.case_id, x.petitioner_id });
                    table.ForeignKey(
                        name: "fk_case_petitioners_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_case_petitioners_petitioners_petitioner_id",
                        column: x => x.petitioner_id,
                        principalTable: "petitioners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_accused_leaders_leader_id",
                table: "case_accused_leaders",
                column: "leader_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_activities_case_id_at",
                table: "case_activities",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_events_case_id_at",
                table: "case_events",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_events_kind_at",
                table: "case_events",
                columns: new[] { "kind", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_petitioners_petitioner_id",
                table: "case_petitioners",
                column: "petitioner_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_backlog_since_backlog_until",
                table: "cases",
                columns: new[] { "backlog_since", "backlog_until" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_category_id_opened_at",
                table: "cases",
                columns: new[] { "category_id", "opened_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_last_petition_at",
                table: "cases",
                column: "last_petition_at");

            migrationBuilder.CreateIndex(
                name: "ix_cases_number",
                table: "cases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_opened_at",
                table: "cases",
                column: "opened_at");

            migrationBuilder.CreateIndex(
                name: "ix_cases_status",
                table: "cases",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_cases_village_id_opened_at",
                table: "cases",
                columns: new[] { "village_id", "opened_at" });

            migrationBuilder.CreateIndex(
                name: "ix_categories_code",
                table: "categories",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_evaluations_case_id_at",
                table: "evaluations",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_leader_assignments_case_id",
                table: "leader_assignments",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_leader_assignments_leader_id_case_id",
                table: "leader_assignments",
                columns: new[] { "leader_id", "case_id" });

            migrationBuilder.CreateIndex(
                name: "ix_leaders_name",
                table: "leaders",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_leaders_village_id",
                table: "leaders",
                column: "village_id");

            migrationBuilder.CreateIndex(
                name: "ix_petitioners_id_number",
                table: "petitioners",
                column: "id_number");

            migrationBuilder.CreateIndex(
                name: "ix_petitioners_name",
                table: "petitioners",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_petitioners_village_id",
                table: "petitioners",
                column: "village_id");

            migrationBuilder.CreateIndex(
                name: "ix_petitions_case_id_received_at",
                table: "petitions",
                columns: new[] { "case_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_petitions_level_received_at",
                table: "petitions",
                columns: new[] { "level", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_petitions_received_at",
                table: "petitions",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_villages_code",
                table: "villages",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_accused_leaders");

            migrationBuilder.DropTable(
                name: "case_activities");

            migrationBuilder.DropTable(
                name: "case_events");

            migrationBuilder.DropTable(
                name: "case_number_counters");

            migrationBuilder.DropTable(
                name: "case_petitioners");

            migrationBuilder.DropTable(
                name: "evaluations");

            migrationBuilder.DropTable(
                name: "leader_assignments");

            migrationBuilder.DropTable(
                name: "petitions");

            migrationBuilder.DropTable(
                name: "petitioners");

            migrationBuilder.DropTable(
                name: "leaders");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "categories");

            migrationBuilder.DropTable(
                name: "villages");
        }
    }
}

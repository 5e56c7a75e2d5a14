using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AeSweep.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SweepControl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Trials stored before sweep control were all suggested by the sampler: Origin defaults to 'Sampled'.
            migrationBuilder.AddColumn<bool>(
                name: "Draining",
                table: "workers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Held",
                table: "trials",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "trials",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Sampled");

            migrationBuilder.AddColumn<int>(
                name: "Priority",
                table: "trials",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RetryOf",
                table: "trials",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Draining",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "Held",
                table: "trials");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "trials");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "trials");

            migrationBuilder.DropColumn(
                name: "RetryOf",
                table: "trials");
        }
    }
}

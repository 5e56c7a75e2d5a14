using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AeSweep.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SweepBudgetColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Sweeps stored before these columns existed keep null: the application reads their budget from the definition.
            migrationBuilder.AddColumn<double>(
                name: "MaxMinutes",
                table: "sweeps",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxParallel",
                table: "sweeps",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxTrials",
                table: "sweeps",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MaxMinutes",
                table: "sweeps");

            migrationBuilder.DropColumn(
                name: "MaxParallel",
                table: "sweeps");

            migrationBuilder.DropColumn(
                name: "MaxTrials",
                table: "sweeps");
        }
    }
}

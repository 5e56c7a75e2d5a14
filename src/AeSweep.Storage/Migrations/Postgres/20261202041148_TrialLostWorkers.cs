using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AeSweep.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TrialLostWorkers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LostWorkers",
                table: "trials",
                type: "integer",
                nullable: false,
                defaultValue: 0); // trials stored before the column existed have no counted losses
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LostWorkers",
                table: "trials");
        }
    }
}

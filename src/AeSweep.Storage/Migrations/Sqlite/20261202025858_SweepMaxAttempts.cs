using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AeSweep.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SweepMaxAttempts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MaxAttempts",
                table: "sweeps",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3); // budget.max_attempts' default, for sweeps stored before the column existed
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MaxAttempts",
                table: "sweeps");
        }
    }
}

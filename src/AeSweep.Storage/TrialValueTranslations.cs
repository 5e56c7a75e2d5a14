using System.Data;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace AeSweep.Storage;

/// <summary>
/// The SQL behind <see cref="TrialValueFunctions"/> for each provider. SQLite: <c>json_type</c>/<c>json_extract</c> on
/// the text column, times are Unix milliseconds. PostgreSQL: the text column cast to <c>jsonb</c>,
/// <c>jsonb_typeof</c>/<c>jsonb_extract_path_text</c>, times are <c>timestamptz</c>. Non-numbers never reach a numeric cast
/// (a CASE on the JSON type guards it), so a categorical value or a stored "NaN" reads as null instead of failing the query.
/// </summary>
internal static class TrialValueTranslations
{
    public static void MapSqlite(ModelBuilder modelBuilder)
    {
        var real = new DoubleTypeMapping("REAL");
        var text = new StringTypeMapping("TEXT", DbType.String);
        var flag = new BoolTypeMapping("INTEGER");

        // json paths quote the member name: '$."name"'.
        SqlExpression Path(SqlExpression name) =>
            Concat(Concat(new SqlConstantExpression("$.\"", typeof(string), text), name, text), new SqlConstantExpression("\"", typeof(string), text), text);
        SqlExpression JsonType(IReadOnlyList<SqlExpression> a) => Function("json_type", [a[0], Path(a[1])], typeof(string), text);
        SqlExpression Extract(IReadOnlyList<SqlExpression> a, Type type, RelationalTypeMapping mapping) => Function("json_extract", [a[0], Path(a[1])], type, mapping);

        modelBuilder.HasDbFunction(typeof(TrialValueFunctions).GetMethod(nameof(TrialValueFunctions.Number))!)
            .HasTranslation(a => new CaseExpression(
                [new CaseWhenClause(Or(Equal(JsonType(a), "integer", text, flag), Equal(JsonType(a), "real", text, flag), flag), Extract(a, typeof(double), real))],
                null));
        modelBuilder.HasDbFunction(typeof(TrialValueFunctions).GetMethod(nameof(TrialValueFunctions.Text))!)
            .HasTranslation(a => new CaseExpression(
                [new CaseWhenClause(Equal(JsonType(a), "text", text, flag), Extract(a, typeof(string), text))],
                null));
        // Times are stored as Unix milliseconds (SqliteSweepDbContext's converter).
        modelBuilder.HasDbFunction(typeof(TrialValueFunctions).GetMethod(nameof(TrialValueFunctions.Seconds))!)
            .HasTranslation(a => new SqlBinaryExpression(
                ExpressionType.Divide,
                new SqlBinaryExpression(ExpressionType.Subtract, a[1], a[0], typeof(double), real),
                new SqlConstantExpression(1000.0, typeof(double), real),
                typeof(double),
                real));
    }

    public static void MapPostgres(ModelBuilder modelBuilder)
    {
        var real = new DoubleTypeMapping("double precision");
        var text = new StringTypeMapping("text", DbType.String);
        var jsonb = new StringTypeMapping("jsonb", DbType.String);
        var flag = new BoolTypeMapping("boolean");

        SqlExpression Document(SqlExpression json) => new SqlUnaryExpression(ExpressionType.Convert, json, typeof(string), jsonb);
        SqlExpression JsonType(IReadOnlyList<SqlExpression> a) =>
            Function("jsonb_typeof", [Function("jsonb_extract_path", [Document(a[0]), a[1]], typeof(string), jsonb)], typeof(string), text);
        SqlExpression TextOf(IReadOnlyList<SqlExpression> a) => Function("jsonb_extract_path_text", [Document(a[0]), a[1]], typeof(string), text);

        modelBuilder.HasDbFunction(typeof(TrialValueFunctions).GetMethod(nameof(TrialValueFunctions.Number))!)
            .HasTranslation(a => new CaseExpression(
                [new CaseWhenClause(Equal(JsonType(a), "number", text, flag), new SqlUnaryExpression(ExpressionType.Convert, TextOf(a), typeof(double), real))],
                null));
        modelBuilder.HasDbFunction(typeof(TrialValueFunctions).GetMethod(nameof(TrialValueFunctions.Text))!)
            .HasTranslation(a => new CaseExpression(
                [new CaseWhenClause(Equal(JsonType(a), "string", text, flag), TextOf(a))],
                null));
        modelBuilder.HasDbFunction(typeof(TrialValueFunctions).GetMethod(nameof(TrialValueFunctions.Seconds))!)
            .HasTranslation(a => Function(
                "date_part",
                [new SqlConstantExpression("epoch", typeof(string), text), new SqlBinaryExpression(ExpressionType.Subtract, a[1], a[0], typeof(TimeSpan), new TimeSpanTypeMapping("interval"))],
                typeof(double),
                real));
    }

    private static SqlExpression Function(string name, SqlExpression[] arguments, Type type, RelationalTypeMapping mapping) =>
        new SqlFunctionExpression(name, arguments, nullable: true, argumentsPropagateNullability: arguments.Select(_ => true), type, mapping);

    private static SqlExpression Concat(SqlExpression left, SqlExpression right, RelationalTypeMapping text) =>
        new SqlBinaryExpression(ExpressionType.Add, left, right, typeof(string), text);

    private static SqlExpression Equal(SqlExpression left, string value, RelationalTypeMapping text, RelationalTypeMapping flag) =>
        new SqlBinaryExpression(ExpressionType.Equal, left, new SqlConstantExpression(value, typeof(string), text), typeof(bool), flag);

    private static SqlExpression Or(SqlExpression left, SqlExpression right, RelationalTypeMapping flag) =>
        new SqlBinaryExpression(ExpressionType.OrElse, left, right, typeof(bool), flag);
}

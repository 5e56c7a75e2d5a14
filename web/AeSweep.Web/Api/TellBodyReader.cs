using System.Text.Json;
using AeSweep.Application.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AeSweep.Web.Api;

/// <summary>
/// Reads a tell body into a <see cref="TellRequest"/>: text that is not JSON, a body that is not an object, or a
/// field of the wrong JSON type each become a 400 naming the field (the request's own
/// <see cref="TellRequest.Validate"/> checks the values).
/// </summary>
internal static class TellBodyReader
{
    public static async Task<(TellRequest? Request, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.BadRequest("(body)", $"not valid JSON: {ex.Message}"));
        }
        catch (BadHttpRequestException ex)
        {
            return (null, ApiProblems.UnreadableBody(ex));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, ApiProblems.BadRequest("(body)", TellRequest.WrongTypeMessage("(body)")));
            }

            try
            {
                return (document.RootElement.Deserialize<TellRequest>(ContractJson.Options), null);
            }
            catch (JsonException ex)
            {
                var field = FieldOf(ex.Path);
                return (null, ApiProblems.BadRequest(field, TellRequest.WrongTypeMessage(field)));
            }
        }
    }

    /// <summary><c>$.intermediate_values['1']</c> or <c>$.intermediate_values.1</c> → <c>intermediate_values.1</c>.</summary>
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "(body)";
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Replace("['", ".", StringComparison.Ordinal).Replace("']", string.Empty, StringComparison.Ordinal).TrimStart('.');
    }
}

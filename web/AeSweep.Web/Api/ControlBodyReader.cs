using System.Text.Json;
using System.Text.Json.Serialization;
using AeSweep.Application.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AeSweep.Web.Api;

/// <summary>
/// Reads a control route's JSON body into its contract record, strictly: text that is not JSON, a body that is not an
/// object, an unknown field or a field of the wrong JSON type each become a 400 naming the field (<c>budget.max_trial</c>).
/// An empty body reads as the given <c>empty</c> value where the route allows one.
/// </summary>
internal static class ControlBodyReader
{
    private static readonly JsonSerializerOptions Strict = new(ContractJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public static async Task<(T? Body, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, T? empty, CancellationToken ct)
        where T : class
    {
        JsonDocument document;
        try
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(ct);
            if (string.IsNullOrWhiteSpace(text) && empty is not null)
            {
                return (empty, null);
            }

            document = JsonDocument.Parse(text);
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
                return (null, ApiProblems.BadRequest("(body)", $"must be a JSON object, not {document.RootElement.ValueKind.ToString().ToLowerInvariant()}"));
            }

            try
            {
                return (document.RootElement.Deserialize<T>(Strict), null);
            }
            catch (JsonException ex)
            {
                var field = FieldOf(ex.Path);
                if (UnknownProperty(ex.Message) is { } unknown)
                {
                    field = field == "(body)" ? unknown : field.EndsWith(unknown, StringComparison.Ordinal) ? field : $"{field}.{unknown}";
                    return (null, ApiProblems.BadRequest(field, "unknown field"));
                }

                return (null, ApiProblems.BadRequest(field, "has the wrong JSON type (numbers as numbers, names as strings)"));
            }
        }
    }

    /// <summary>The name System.Text.Json quotes when a property maps to no member ("The JSON property 'x' could not be mapped…").</summary>
    private static string? UnknownProperty(string message)
    {
        const string Marker = "could not be mapped";
        var start = message.IndexOf("property '", StringComparison.Ordinal);
        if (!message.Contains(Marker, StringComparison.Ordinal) || start < 0)
        {
            return null;
        }

        start += "property '".Length;
        var end = message.IndexOf('\'', start);
        return end > start ? message[start..end] : null;
    }

    /// <summary><c>$.budget.max_trials</c> → <c>budget.max_trials</c>.</summary>
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

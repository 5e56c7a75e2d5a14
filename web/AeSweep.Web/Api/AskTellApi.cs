using System.Globalization;
using System.Text.Json;
using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AeSweep.Web.Api;

/// <summary>
/// Ask-and-tell for trainers outside AeSweep (a <c>program: {ask_tell: true}</c> sweep): ask for a trial's
/// parameters, train anywhere, tell the metric value. Both go through the sweep's coordinator grain, so budget and
/// parallelism hold and the sampler learns from every told value.
/// </summary>
public static class AskTellApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/sweeps/{id}/ask", AskAsync)
            .WithTags("ask-and-tell")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Ask for the next trial of a program: {ask_tell: true} sweep: 200 {trial_id, number, parameters}; 409 when the budget is spent, max_parallel trials are untold, or the sweep has finished.");
        api.MapPost("/trials/{id}/tell", TellAsync)
            .WithTags("ask-and-tell")
            .Accepts<TellRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Tell an asked trial's result: {value, state?: completed|pruned|failed, intermediate_values?: {epoch: value}, reason?}; 409 when it already ended or was not asked.");
    }

    private static async Task<IResult> AskAsync(string id, ISweepReadModel store, IGrainFactory grains, CancellationToken ct)
    {
        if (await store.GetSweepAsync(id, ct) is null)
        {
            return ApiProblems.NotFound("sweep", id);
        }

        var answer = await grains.GetGrain<ISweepCoordinatorGrain>(id).AskAsync();
        return answer.Trial is { } trial
            ? Results.Ok(new { trial_id = trial.TrialId, number = trial.Number, parameters = ApiViews.Parameters(trial.Parameters) })
            : ApiProblems.Conflict("No trial to hand out", $"Sweep '{id}': {answer.Refusal}.");
    }

    private static async Task<IResult> TellAsync(string id, HttpRequest request, ISweepReadModel store, IGrainFactory grains, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException ex)
        {
            return ApiProblems.BadRequest("(body)", $"not valid JSON: {ex.Message}");
        }
        catch (BadHttpRequestException ex)
        {
            return ApiProblems.UnreadableBody(ex);
        }

        using (document)
        {
            if (Read(id, document.RootElement, out var error) is not { } tell)
            {
                return error!;
            }

            var trial = await store.GetTrialAsync(id, ct);
            if (trial is null)
            {
                return ApiProblems.NotFound("trial", id);
            }

            var result = await grains.GetGrain<ISweepCoordinatorGrain>(trial.SweepId).TellAsync(tell);
            return result.Outcome switch
            {
                TellOutcome.Recorded => Results.Ok(new { trial_id = id, state = result.State is { } s ? ApiViews.Name(s) : null, reason = result.Detail }),
                TellOutcome.NotFound => ApiProblems.NotFound("trial", id),
                TellOutcome.NotAsked => ApiProblems.Conflict("Trial was not asked", result.Detail ?? string.Empty),
                _ => ApiProblems.Conflict("Trial already finished", result.Detail ?? string.Empty),
            };
        }
    }

    private static TrialTell? Read(string trialId, JsonElement body, out IResult? error)
    {
        error = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            error = ApiProblems.BadRequest("(body)", "must be a JSON object {value, state?, intermediate_values?, reason?}");
            return null;
        }

        foreach (var property in body.EnumerateObject())
        {
            if (property.Name is not ("value" or "state" or "intermediate_values" or "reason"))
            {
                error = ApiProblems.BadRequest(property.Name, "unknown field; expected value, state, intermediate_values or reason");
                return null;
            }
        }

        var state = TrialState.Completed;
        if (body.TryGetProperty("state", out var stateElement) && stateElement.ValueKind != JsonValueKind.Null)
        {
            switch (stateElement.ValueKind == JsonValueKind.String ? stateElement.GetString() : null)
            {
                case "completed": state = TrialState.Completed; break;
                case "pruned": state = TrialState.Pruned; break;
                case "failed": state = TrialState.Failed; break;
                default:
                    error = ApiProblems.BadRequest("state", "must be completed, pruned or failed");
                    return null;
            }
        }

        double? value = null;
        if (body.TryGetProperty("value", out var valueElement) && valueElement.ValueKind != JsonValueKind.Null)
        {
            if (valueElement.ValueKind != JsonValueKind.Number || !double.IsFinite(valueElement.GetDouble()))
            {
                error = ApiProblems.BadRequest("value", "must be a finite number");
                return null;
            }

            value = valueElement.GetDouble();
        }

        if (state == TrialState.Completed && value is null)
        {
            error = ApiProblems.BadRequest("value", "required for a completed trial: the sweep metric's value");
            return null;
        }

        var intermediate = new Dictionary<int, double>();
        if (body.TryGetProperty("intermediate_values", out var steps) && steps.ValueKind != JsonValueKind.Null)
        {
            if (steps.ValueKind != JsonValueKind.Object)
            {
                error = ApiProblems.BadRequest("intermediate_values", "must be an object {epoch: value}");
                return null;
            }

            foreach (var step in steps.EnumerateObject())
            {
                if (!int.TryParse(step.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) || !EpochLimit.Allows(epoch))
                {
                    error = ApiProblems.BadRequest($"intermediate_values.{step.Name}", $"the key must be an epoch number from 0 to {EpochLimit.Max:N0}");
                    return null;
                }

                if (step.Value.ValueKind != JsonValueKind.Number || !double.IsFinite(step.Value.GetDouble()))
                {
                    error = ApiProblems.BadRequest($"intermediate_values.{step.Name}", "must be a finite number");
                    return null;
                }

                intermediate[epoch] = step.Value.GetDouble();
            }
        }

        string? reason = null;
        if (body.TryGetProperty("reason", out var reasonElement) && reasonElement.ValueKind != JsonValueKind.Null)
        {
            if (reasonElement.ValueKind != JsonValueKind.String)
            {
                error = ApiProblems.BadRequest("reason", "must be a string");
                return null;
            }

            reason = reasonElement.GetString();
        }

        return new TrialTell(trialId, state, value, intermediate, reason);
    }
}

using AeSweep.Core.Definitions.Documents;

namespace AeSweep.Core.Definitions;

/// <summary>
/// Which dialect a file is written in. A file is read as W&amp;B's when it says so (<c>flavor: wandb</c>) or uses
/// something only W&amp;B's dialect has, and names none of AeSweep's own keys (<c>model</c>, <c>dataset</c>,
/// <c>program: {command: [...]}</c>); otherwise as AeSweep's. <c>flavor: aesweep</c> keeps AeSweep's reading (and
/// its hints at W&amp;B's names) whatever the file holds.
/// </summary>
internal sealed partial class SweepFileValidator
{
    private static readonly string[] WandbOnlyTopLevelKeys = ["command", "run_cap", "project", "entity", "description", "apiVersion", "kind", "controller"];

    private static readonly string[] WandbOnlyDistributions =
    [
        "q_log_uniform", "inv_log_uniform", "inv_log_uniform_values", "normal", "q_normal", "log_normal", "q_log_normal",
        "beta", "q_beta", "categorical_w_probabilities",
    ];

    /// <summary>The flavour the validator settled on, and the reason (for <c>aesweep validate</c>).</summary>
    public (SweepFlavor Flavor, string Reason) Flavor { get; private set; } = (SweepFlavor.AeSweep, "no W&B-only key");

    private (SweepFlavor Flavor, string Reason) DetectFlavor(DocMapping map)
    {
        if (map["flavor"] is { } explicitNode)
        {
            switch (ReadString(explicitNode, "flavor"))
            {
                case "wandb":
                    return (SweepFlavor.Wandb, "flavor: wandb");
                case "aesweep":
                    return (SweepFlavor.AeSweep, "flavor: aesweep");
                case { } other:
                    Error("flavor", explicitNode, NameSuggestions.WithSuggestion($"'{other}' is not a flavour (aesweep, wandb)", other, ["aesweep", "wandb"]));
                    return (SweepFlavor.AeSweep, "flavor: (invalid)");
                default:
                    return (SweepFlavor.AeSweep, "flavor: (invalid)");
            }
        }

        // AeSweep's own keys settle it: such a file gets AeSweep's reading, with hints at the W&B names it also uses.
        if (map.ContainsKey("model") || map.ContainsKey("dataset"))
        {
            return (SweepFlavor.AeSweep, $"it names AeSweep's {(map.ContainsKey("model") ? "model" : "dataset")} key");
        }

        if (map["program"] is DocMapping or DocSequence)
        {
            return (SweepFlavor.AeSweep, "program is AeSweep's {command: [...]} form");
        }

        if (map["program"] is DocScalar { IsNull: false })
        {
            return (SweepFlavor.Wandb, "program is a script path, as in W&B (AeSweep's own form is program: {command: [...]})");
        }

        if (WandbOnlyTopLevelKeys.FirstOrDefault(map.ContainsKey) is { } key)
        {
            return (SweepFlavor.Wandb, $"it has W&B's {key} key");
        }

        if (map["method"] is DocScalar { Text: "bayes" })
        {
            return (SweepFlavor.Wandb, "method: bayes is W&B's");
        }

        if (map["early_terminate"] is DocMapping et && (et.ContainsKey("s") || et.ContainsKey("strict")))
        {
            return (SweepFlavor.Wandb, $"early_terminate.{(et.ContainsKey("s") ? "s" : "strict")} is W&B's");
        }

        if (map["parameters"] is DocMapping parameters && WandbParameterReason(parameters, "parameters") is { } reason)
        {
            return (SweepFlavor.Wandb, reason);
        }

        return (SweepFlavor.AeSweep, "no W&B-only key");
    }

    private static string? WandbParameterReason(DocMapping parameters, string path)
    {
        foreach (var (key, spec) in parameters.Entries)
        {
            if (spec is not DocMapping map)
            {
                continue;
            }

            if (map.ContainsKey("parameters"))
            {
                return $"{path}.{key.Text} is a nested parameters: block, as in W&B";
            }

            if (map["distribution"] is DocScalar { Text: var name } && WandbOnlyDistributions.Contains(name))
            {
                return $"{path}.{key.Text} uses W&B's {name} distribution";
            }
        }

        return null;
    }
}

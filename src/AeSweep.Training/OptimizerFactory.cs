using static TorchSharp.torch;

namespace AeSweep.Training;

/// <summary>Adam, AdamW or SGD with momentum, as the trial's settings say; the schedule sets the rate per epoch.</summary>
internal static class OptimizerFactory
{
    public static optim.Optimizer Create(TrialSettings settings, IEnumerable<TorchSharp.Modules.Parameter> parameters) => settings.Optimizer switch
    {
        "adam" => optim.Adam(parameters, settings.LearningRate, weight_decay: settings.WeightDecay),
        "adamw" => optim.AdamW(parameters, settings.LearningRate, weight_decay: settings.WeightDecay),
        "sgd" => optim.SGD(parameters, settings.LearningRate, momentum: settings.Momentum, weight_decay: settings.WeightDecay),
        _ => throw new ArgumentException($"Unknown optimizer '{settings.Optimizer}' (adam, adamw, sgd)"),
    };

    public static void SetLearningRate(optim.Optimizer optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }
    }
}

using AeSweep.Core.Catalog;
using static TorchSharp.torch;

namespace AeSweep.Training;

/// <summary>Adam, AdamW or SGD with momentum, as the trial's settings say; the schedule sets the rate per epoch.</summary>
internal static class OptimizerFactory
{
    public static optim.Optimizer Create(TrialSettings settings, IEnumerable<TorchSharp.Modules.Parameter> parameters) => settings.Optimizer switch
    {
        OptimizerKind.Adam => optim.Adam(parameters, settings.LearningRate, weight_decay: settings.WeightDecay),
        OptimizerKind.AdamW => optim.AdamW(parameters, settings.LearningRate, weight_decay: settings.WeightDecay),
        OptimizerKind.Sgd => optim.SGD(parameters, settings.LearningRate, momentum: settings.Momentum, weight_decay: settings.WeightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Optimizer, "not an optimizer"),
    };

    public static void SetLearningRate(optim.Optimizer optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }
    }
}

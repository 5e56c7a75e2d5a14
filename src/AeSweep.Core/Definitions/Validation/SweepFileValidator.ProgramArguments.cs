using System.Text;
using AeSweep.Core.Definitions.Documents;
using AeSweep.Core.Search;

namespace AeSweep.Core.Definitions;

/// <summary>
/// A program: sweep passes each parameter as a <c>--name=value</c> argument and all of them as JSON in
/// <c>AESWEEP_PARAMS</c>. Linux refuses to start a process when one argument or environment string exceeds
/// MAX_ARG_STRLEN (128 KiB), so a sweep whose values cannot fit is refused here, at submission, naming the parameter,
/// instead of failing every trial with "Argument list too long".
/// </summary>
internal sealed partial class SweepFileValidator
{
    /// <summary>Linux's MAX_ARG_STRLEN: the longest single argument or environment string, its closing NUL included.</summary>
    public const int MaxArgumentBytes = 128 * 1024;

    /// <summary>A conservative bound on all arguments together (Linux allows about a quarter of the stack limit, often 2 MiB, shared with the environment).</summary>
    public const int MaxArgumentListBytes = 1024 * 1024;

    // Numbers print in at most this many characters ("-1.2345678901234567E-300").
    private const int LongestNumber = 32;

    private void CheckProgramArguments(ProgramSpec? program, SearchSpace? space, DocMapping map)
    {
        if (program is null || program.AskTell || space is null)
        {
            return;
        }

        var listBytes = program.Command.Sum(a => Encoding.UTF8.GetByteCount(a) + 1);
        var jsonBytes = "AESWEEP_PARAMS={}".Length + 1;
        string? largest = null;
        var largestJson = 0;
        var argumentTooLong = false;
        foreach (var parameter in space.Parameters)
        {
            var (argument, json) = LongestForms(parameter);
            if (argument + 1 > MaxArgumentBytes)
            {
                argumentTooLong = true;
                Error($"parameters.{parameter.Name}", ParameterNode(map, parameter.Name),
                    $"a value makes the argument --{parameter.Name}=... {argument:N0} bytes long; a program argument is limited to 128 KiB (Linux MAX_ARG_STRLEN): pass a file path instead");
            }

            listBytes += argument + 1;
            jsonBytes += json + 1;
            if (json > largestJson)
            {
                (largest, largestJson) = (parameter.Name, json);
            }
        }

        // A too-long argument is also too long as JSON: one error per mistake.
        if (argumentTooLong)
        {
            return;
        }

        if (jsonBytes > MaxArgumentBytes)
        {
            Error($"parameters.{largest}", ParameterNode(map, largest!),
                $"the parameters take up to {jsonBytes:N0} bytes as JSON in AESWEEP_PARAMS, more than one environment variable may hold (128 KiB, Linux MAX_ARG_STRLEN); {largest} is the largest: pass file paths instead of long values");
        }
        else if (listBytes > MaxArgumentListBytes)
        {
            Error("program", map["program"], $"the command and its parameters take up to {listBytes:N0} bytes of arguments, more than the 1 MiB a program is safely passed");
        }
    }

    /// <summary>The longest <c>--name=value</c> argument and the longest <c>"name":value</c> JSON member, in UTF-8 bytes.</summary>
    private static (int Argument, int Json) LongestForms(SearchParameter parameter)
    {
        var nameBytes = Encoding.UTF8.GetByteCount(parameter.Name);
        IReadOnlyList<ParameterValue>? values = parameter.Distribution switch
        {
            CategoricalDistribution categorical => categorical.Choices,
            ConstantDistribution constant => [constant.Value],
            _ => null,
        };
        if (values is null)
        {
            return (nameBytes + 3 + LongestNumber, nameBytes + 3 + LongestNumber);
        }

        var argument = values.Max(v => Encoding.UTF8.GetByteCount(v.ToString()));
        var json = values.Max(v => Encoding.UTF8.GetByteCount(ParameterJson.Write(new Dictionary<string, ParameterValue> { [parameter.Name] = v })) - 2);
        return (nameBytes + 3 + argument, json);
    }
}

using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;
using AeSweep.Core.Search;

namespace AeSweep.Core.Tests.Definitions.Wandb;

/// <summary>W&amp;B's meaning for each key of its sweep configuration, and errors for what AeSweep cannot honour.</summary>
public sealed class WandbSweepFileTests
{
    private static SweepParseResult Parse(string yaml) => SweepDefinitionParser.Parse(yaml, new SweepParseOptions("sweep.yaml", "/work/project"));

    private static SweepDefinition Valid(string yaml)
    {
        var result = Parse(yaml);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Definition!;
    }

    private const string Head = "program: train.py\nmethod: random\nmetric: {name: val_loss, goal: minimize}\n";

    [Fact]
    public void Log_uniform_takes_exponents_in_a_wandb_file_and_values_in_an_aesweep_file()
    {
        var wandb = Valid(Head + "parameters:\n  lr: {distribution: log_uniform, min: -9.21, max: -2.3}\n");
        var lr = Assert.IsType<FloatDistribution>(wandb.SearchSpace.Find("lr")!.Distribution);
        Assert.True(lr.Log);
        Assert.Equal(Math.Exp(-9.21), lr.Low, 12);
        Assert.Equal(Math.Exp(-2.3), lr.High, 12);

        var ours = Valid("program: {command: [python3, train.py]}\nmethod: random\nmetric: {name: val_loss}\nbudget: {max_trials: 4}\n" +
                         "parameters:\n  lr: {distribution: log_uniform, min: 0.0001, max: 0.1}\n");
        Assert.Equal(SweepFlavor.AeSweep, ours.Flavor);
        Assert.Equal(0.0001, Assert.IsType<FloatDistribution>(ours.SearchSpace.Find("lr")!.Distribution).Low);
    }

    [Fact]
    public void Bayes_runs_as_auto_and_the_definition_remembers_the_name()
    {
        var definition = Valid("program: train.py\nmethod: bayes\nmetric: {name: loss}\nparameters: {x: {min: 0.0, max: 1.0}}\n");

        Assert.Equal(SearchMethod.Auto, definition.Method);
        Assert.Equal("bayes", definition.MethodAlias);
    }

    [Fact]
    public void Run_cap_is_the_trial_limit_and_no_limit_runs_until_cancelled()
    {
        Assert.Equal(7, Valid(Head + "run_cap: 7\nparameters: {x: {min: 0.0, max: 1.0}}\n").Budget.MaxTrials);
        Assert.Null(Valid(Head + "parameters: {x: {min: 0.0, max: 1.0}}\n").Budget.MaxTrials);

        var both = Parse(Head + "run_cap: 7\nbudget: {max_trials: 3}\nparameters: {x: {min: 0.0, max: 1.0}}\n");
        Assert.Contains(both.Errors, e => e.Path == "run_cap" && e.Message.Contains("budget.max_trials", StringComparison.Ordinal));
    }

    [Fact]
    public void Nested_parameter_blocks_flatten_to_dotted_names_that_the_program_gets_nested_again()
    {
        var definition = Valid(Head + "parameters:\n  epochs: {value: 3}\n  optimizer:\n    parameters:\n      lr: {values: [0.1, 0.01]}\n      betas:\n        parameters:\n          b1: {value: 0.9}\n");

        Assert.Equal(["epochs", "optimizer.lr", "optimizer.betas.b1"], definition.SearchSpace.Parameters.Select(p => p.Name));
        Assert.Equal(["optimizer.lr", "optimizer.betas.b1"], definition.Program!.NestedParameters.ToArray());
    }

    [Fact]
    public void Every_wandb_distribution_is_read_with_its_wandb_meaning()
    {
        var definition = Valid(Head + """
            parameters:
              c: {value: 1}
              k: {values: [a, b]}
              i: {distribution: int_uniform, min: 1, max: 4}
              u: {distribution: uniform, min: 0, max: 1}
              qu: {distribution: q_uniform, min: 0, max: 10, q: 2}
              quo: {distribution: q_uniform, min: 1, max: 10, q: 3}
              lu: {distribution: log_uniform, min: 0, max: 2}
              luv: {distribution: log_uniform_values, min: 1, max: 100}
              qlu: {distribution: q_log_uniform, min: 0, max: 5, q: 4}
              qluv: {distribution: q_log_uniform_values, min: 16, max: 256, q: 8}
              ilu: {distribution: inv_log_uniform, min: 1, max: 3}
              iluv: {distribution: inv_log_uniform_values, min: 0.01, max: 0.1}
              n: {distribution: normal, mu: 1, sigma: 2}
              qn: {distribution: q_normal, mu: 0, sigma: 5, q: 0.5}
              ln: {distribution: log_normal, mu: 0, sigma: 1}
              qln: {distribution: q_log_normal, mu: 2, sigma: 0.5}
              b: {distribution: beta, a: 2, b: 5}
              qb: {distribution: q_beta, a: 1, b: 1, q: 0.25}
            """);
        ParameterDistribution D(string name) => definition.SearchSpace.Find(name)!.Distribution;

        Assert.IsType<ConstantDistribution>(D("c"));
        Assert.IsType<CategoricalDistribution>(D("k"));
        Assert.Equal(new IntDistribution(1, 4), D("i"));
        Assert.Equal(new FloatDistribution(0, 1), D("u"));
        Assert.Equal(new IntDistribution(0, 10, step: 2), D("qu"));
        // min 1 is no multiple of 3: W&B's round(x/3)·3 gives 0, 3, 6, 9 — a rounded uniform, not 1, 4, 7, 10.
        Assert.Equal(new PriorDistribution(PriorKind.Uniform, 1, 10, 3, integerValues: true), D("quo"));
        Assert.Equal(new FloatDistribution(1, Math.Exp(2), log: true), D("lu"));
        Assert.Equal(new FloatDistribution(1, 100, log: true), D("luv"));
        Assert.Equal(new PriorDistribution(PriorKind.LogUniform, 0, 5, 4, integerValues: true), D("qlu"));
        Assert.Equal(new PriorDistribution(PriorKind.LogUniform, Math.Log(16), Math.Log(256), 8, integerValues: true), D("qluv"));
        Assert.Equal(new FloatDistribution(Math.Exp(-3), Math.Exp(-1), log: true), D("ilu"));
        Assert.Equal(new FloatDistribution(0.01, 0.1, log: true), D("iluv"));
        Assert.Equal(new PriorDistribution(PriorKind.Normal, 1, 2), D("n"));
        Assert.Equal(new PriorDistribution(PriorKind.Normal, 0, 5, 0.5), D("qn"));
        Assert.Equal(new PriorDistribution(PriorKind.LogNormal, 0, 1), D("ln"));
        // W&B's default q is 1.0, a float: values come out as 3.0, not 3.
        Assert.Equal(new PriorDistribution(PriorKind.LogNormal, 2, 0.5, 1.0, integerValues: false), D("qln"));
        Assert.Equal(new PriorDistribution(PriorKind.Beta, 2, 5), D("b"));
        Assert.Equal(new PriorDistribution(PriorKind.Beta, 1, 1, 0.25), D("qb"));
    }

    [Theory]
    [InlineData("job: my-job\n", "job")]
    [InlineData("scheduler: {engine: optuna}\n", "scheduler")]
    [InlineData("early_terminate: {type: hyperband, min_iter: 2, eta: 2.5}\n", "early_terminate.eta")]
    [InlineData("command:\n  - ${interpreter}\n  - ${program}\n  - --x=${args}\n", "command[2]")]
    [InlineData("command:\n  - ${interpreter}\n  - ${program}\n  - ${argz}\n", "command[2]")]
    public void What_aesweep_cannot_honour_is_an_error_naming_the_key(string extra, string path)
    {
        var result = Parse(Head + extra + "parameters: {x: {min: 0.0, max: 1.0}}\n");

        Assert.Contains(result.Errors, e => e.Path == path);
    }

    [Theory]
    [InlineData("metric: {name: loss, impute: best}\n", "metric.impute")]
    [InlineData("metric: {name: loss}\nparameters: {x: {distribution: categorical_w_probabilities, values: [1, 2], probabilities: [0.5, 0.5]}}\n", "parameters.x.distribution")]
    public void Unsupported_metric_and_parameter_settings_are_errors(string body, string path)
    {
        var result = Parse("program: train.py\nmethod: random\n" + body + (body.Contains("parameters", StringComparison.Ordinal) ? string.Empty : "parameters: {x: {min: 0.0, max: 1.0}}\n"));

        Assert.Contains(result.Errors, e => e.Path == path);
    }

    [Fact]
    public void Custom_method_is_refused_with_the_reason()
    {
        var result = Parse("program: train.py\nmethod: custom\nmetric: {name: loss}\nparameters: {x: {min: 0.0, max: 1.0}}\n");

        Assert.Contains(result.Errors, e => e.Path == "method" && e.Message.Contains("custom", StringComparison.Ordinal));
    }

    [Fact]
    public void Hyperband_bands_become_asha_rungs()
    {
        var fromMax = Valid(Head + "early_terminate: {type: hyperband, max_iter: 27, s: 2, eta: 3}\nparameters: {x: {min: 0.0, max: 1.0}}\n").EarlyTerminate;
        Assert.Equal((EarlyTerminateType.Asha, 3, 3, 27), (fromMax.Type, fromMax.MinEpochs, fromMax.ReductionFactor, fromMax.MaxEpochs));

        var fromMin = Valid(Head + "early_terminate: {type: hyperband, min_iter: 2, eta: 2, strict: false}\nparameters: {x: {min: 0.0, max: 1.0}}\n").EarlyTerminate;
        Assert.Equal((EarlyTerminateType.Asha, 2, 2, (int?)null), (fromMin.Type, fromMin.MinEpochs, fromMin.ReductionFactor, fromMin.MaxEpochs));
    }

    [Fact]
    public void Default_command_is_the_interpreter_running_the_program_with_args()
    {
        var program = Valid(Head + "parameters: {x: {min: 0.0, max: 1.0}}\n").Program!;

        Assert.Equal(["python3", "train.py", "${args}"], program.Command.ToArray());
        Assert.Equal("/work/project", program.WorkingDirectory);
    }

    [Fact]
    public void Wandb_shim_switch_in_the_file_turns_the_shim_off()
    {
        Assert.False(Valid(Head + "wandb_shim: false\nparameters: {x: {min: 0.0, max: 1.0}}\n").Program!.WandbShim);
    }

    [Fact]
    public void Flavor_key_forces_aesweeps_reading_with_its_hints()
    {
        var result = Parse("flavor: aesweep\n" + Head + "run_cap: 3\nparameters: {x: {min: 0.0, max: 1.0}}\n");

        Assert.Equal(SweepFlavor.AeSweep, result.Flavor);
        Assert.Contains(result.Errors, e => e.Path == "run_cap" && e.Message.Contains("budget.max_trials", StringComparison.Ordinal));
    }

    [Fact]
    public void Stored_document_keeps_every_wandb_fact()
    {
        var definition = Valid("""
            program: train.py
            project: demo
            entity: team
            description: a demo
            method: bayes
            metric: {name: acc, goal: maximize, target: 0.95}
            command:
              - ${env}
              - ${interpreter}
              - ${program}
              - ${args_json}
            wandb_shim: false
            parameters:
              n: {distribution: q_normal, mu: 0, sigma: 5, q: 2}
              opt:
                parameters:
                  lr: {distribution: beta, a: 2, b: 3}
            """);

        var back = StoredSweepDocument.Read(StoredSweepDocument.Write(definition));

        Assert.Equal(definition.Program, back.Program);
        Assert.Equal(definition.SearchSpace.Parameters.Select(p => p.Distribution), back.SearchSpace.Parameters.Select(p => p.Distribution));
        Assert.Equal(0.95, back.Metric.Target);
        Assert.Equal(SweepFlavor.Wandb, back.Flavor);
        Assert.Equal("bayes", back.MethodAlias);
        Assert.Equal(definition.Labels, back.Labels);
        Assert.Equal(["opt.lr"], back.Program!.NestedParameters.ToArray());
    }
}

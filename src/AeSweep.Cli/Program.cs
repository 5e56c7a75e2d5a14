using System.CommandLine;
using AeSweep.Cli.Commands;

var root = new RootCommand("AeSweep: hyperparameter sweeps for autoencoders — which code size, depth, width, loss and variant fit your data.");
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(ResumeCommand.Create());
root.Subcommands.Add(SubmitCommand.Create());
root.Subcommands.Add(ListCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(CancelCommand.Create());
root.Subcommands.Add(ControlCommands.Pause());
root.Subcommands.Add(ControlCommands.Budget());
root.Subcommands.Add(ControlCommands.Enqueue());
root.Subcommands.Add(ControlCommands.Retry());
root.Subcommands.Add(ControlCommands.Drain());
root.Subcommands.Add(CoordinatorCommand.Create());
root.Subcommands.Add(WorkerCommand.Create());
// W&B's two-command habit: `aesweep sweep FILE` (= submit) and `aesweep agent SWEEP_ID` (a worker for that sweep).
root.Subcommands.Add(SubmitCommand.CreateSweepAlias());
root.Subcommands.Add(WorkerCommand.CreateAgent());

return await root.Parse(args).InvokeAsync();

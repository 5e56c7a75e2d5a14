namespace AeSweep.Worker.Runners;

/// <summary>One line a program printed; <paramref name="Cut"/> when it was longer than the reader keeps.</summary>
internal readonly record struct ProgramLine(string Text, bool Cut);

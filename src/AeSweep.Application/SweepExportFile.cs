namespace AeSweep.Application;

/// <summary>An exported sweep: the file's bytes, content type and download name.</summary>
public sealed record SweepExportFile(byte[] Content, string ContentType, string FileName);

namespace AeSweep.Application;

/// <summary>The file formats of a sweep export.</summary>
public enum ExportFormat
{
    Csv,
    Json,
}

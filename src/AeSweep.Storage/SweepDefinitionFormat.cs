namespace AeSweep.Storage;

/// <summary>The format of a sweep file as the user submitted it.</summary>
public enum SweepDefinitionFormat
{
    /// <summary>YAML.</summary>
    Yaml,

    /// <summary>JSON.</summary>
    Json,
}

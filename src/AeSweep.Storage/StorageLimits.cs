namespace AeSweep.Storage;

/// <summary>Column lengths, shared by the model and the store's argument checks.</summary>
public static class StorageLimits
{
    public const int IdLength = 64;
    public const int TrialIdLength = 80;
    public const int WorkerIdLength = 128;
    public const int NameLength = 200;
    public const int EnumLength = 16;
    public const int PathLength = 1024;
    public const int ReasonLength = 4000;

    /// <summary>A sweep's or trial's Markdown notes (the API refuses longer ones with a field error).</summary>
    public const int NotesLength = 20000;
}

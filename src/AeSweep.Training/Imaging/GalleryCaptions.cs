namespace AeSweep.Training.Imaging;

/// <summary>The row captions a trial's gallery draws (the dashboard's caption repeats them in the same order).</summary>
public static class GalleryCaptions
{
    public const string Original = "original";
    public const string Noisy = "noisy\ninput (corrupted)";
    public const string Clean = "clean\ntarget";
    public const string Reconstruction = "reconstruction";
    public const string Error = "error\n|x − x̂|";
    public const string PriorSample = "prior sample\nz ~ N(0, I), new";
}

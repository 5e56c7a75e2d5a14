using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>The PCA baseline at one code size: the validation MSE of a PCA with that many components (linear compression).</summary>
public sealed record PcaCurvePointView(
    [property: JsonPropertyName("code_size")] int CodeSize,
    [property: JsonPropertyName("pca_val_mse")] double PcaValMse);

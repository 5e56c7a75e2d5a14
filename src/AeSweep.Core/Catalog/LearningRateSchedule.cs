namespace AeSweep.Core.Catalog;

/// <summary>The learning-rate schedules (<c>schedule</c>), in the catalog's order.</summary>
public enum LearningRateSchedule
{
    /// <summary><c>none</c>: a constant rate.</summary>
    None,

    /// <summary><c>cosine</c>: cosine decay to 0 at the last epoch.</summary>
    Cosine,

    /// <summary><c>step</c>: ×0.1 every third of the epochs.</summary>
    Step,
}

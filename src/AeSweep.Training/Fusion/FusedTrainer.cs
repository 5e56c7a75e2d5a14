using System.Globalization;

namespace AeSweep.Training.Fusion;

/// <summary>
/// Trains a pack of trials of one sweep that share an architecture (issue 13, horizontal fusion). Members keep their
/// own seed, data order, loss, learning rate, optimiser state, checkpoints, epoch reports and pruning; a member the
/// observer prunes or stops leaves the pack and the others go on.
/// </summary>
/// <remarks>
/// This is the contract the worker codes against. The first implementation trains the members one after the other
/// with <see cref="TrialTrainer"/> (correct, not faster); the fused model (stacked weights, batched matrix products,
/// grouped convolutions) replaces the body of <see cref="Train"/> without changing its signature.
/// </remarks>
public static class FusedTrainer
{
    /// <summary>
    /// Trials whose keys are equal can be trained as one fused pack: the same family, depth, per-layer widths, code
    /// size, activation, batch size, epochs, channels and sampling layers, on the same device. Null: this trial is not
    /// fused (its family is not supported, or it resumes from a checkpoint).
    /// </summary>
    public static string? FusionKey(TrainingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ResumeFrom is not null)
        {
            return null;
        }

        var s = TrialSettings.FromParameters(request.Parameters);
        return string.Join(
            '|',
            s.Family,
            s.Depth.ToString(CultureInfo.InvariantCulture),
            string.Join(',', s.Widths.Select(w => w.ToString(CultureInfo.InvariantCulture))),
            s.CodeSize.ToString(CultureInfo.InvariantCulture),
            s.Activation,
            s.BatchSize.ToString(CultureInfo.InvariantCulture),
            s.Epochs.ToString(CultureInfo.InvariantCulture),
            s.Channels.ToString(CultureInfo.InvariantCulture),
            s.Upsampling,
            s.Downsampling,
            request.Device);
    }

    /// <summary>Trains every member; the results come back in the members' order.</summary>
    /// <param name="members">The pack (all with the same <see cref="FusionKey"/>; one member is a plain trial).</param>
    /// <param name="observers">One observer per member, in the same order.</param>
    /// <param name="clock">Times each member's checkpoint cadence.</param>
    /// <param name="cancellationToken">Stops every member (each writes its stop checkpoint, as a lone trial does).</param>
    public static IReadOnlyList<TrainingResult> Train(
        IReadOnlyList<TrainingRequest> members, IReadOnlyList<ITrainingObserver> observers, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(observers);
        if (members.Count != observers.Count || members.Count == 0)
        {
            throw new ArgumentException("A pack needs one observer per member and at least one member.", nameof(observers));
        }

        var results = new TrainingResult[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            results[i] = TrialTrainer.Train(members[i], observers[i], clock, cancellationToken);
        }

        return results;
    }
}

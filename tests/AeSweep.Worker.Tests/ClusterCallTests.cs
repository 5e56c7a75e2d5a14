namespace AeSweep.Worker.Tests;

public sealed class ClusterCallTests
{
    public static TheoryData<Exception> LostSiloShapes() =>
    [
        new TimeoutException("response timed out"),
        new TaskCanceledException("A task was canceled."),
        new IOException("connection reset"),
        new InvalidOperationException("coordinator activation failed while the database was busy"),
        new Orleans.Runtime.SiloUnavailableException(),
    ];

    [Theory]
    [MemberData(nameof(LostSiloShapes))]
    public async Task A_call_that_fails_the_way_a_lost_silo_does_is_retried_until_it_answers(Exception failure)
    {
        var calls = 0;

        var answer = await ClusterCall.WithRetries(
            () => ++calls < 3 ? Task.FromException<int>(failure) : Task.FromResult(42),
            TimeSpan.FromSeconds(30),
            CancellationToken.None);

        Assert.Equal(42, answer);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task A_call_refused_for_its_arguments_is_not_retried()
    {
        var calls = 0;

        await Assert.ThrowsAsync<ArgumentException>(() => ClusterCall.WithRetries<int>(
            () => { calls++; throw new ArgumentException("unknown trial", "lease"); },
            TimeSpan.FromSeconds(30),
            CancellationToken.None));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task The_callers_own_cancellation_ends_the_retries()
    {
        using var cancellation = new CancellationTokenSource();
        var calls = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ClusterCall.WithRetries<int>(
            () =>
            {
                calls++;
                cancellation.Cancel();
                throw new TimeoutException("response timed out");
            },
            TimeSpan.FromSeconds(30),
            cancellation.Token));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_failure_that_outlasts_the_patience_is_thrown()
    {
        var calls = 0;

        await Assert.ThrowsAsync<TimeoutException>(() => ClusterCall.WithRetries<int>(
            () => { calls++; throw new TimeoutException("response timed out"); },
            TimeSpan.FromMilliseconds(600),
            CancellationToken.None));

        Assert.InRange(calls, 2, 5);
    }
}

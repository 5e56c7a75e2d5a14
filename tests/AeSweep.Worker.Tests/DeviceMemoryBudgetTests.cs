using AeSweep.Training;
using AeSweep.Worker.Devices;

namespace AeSweep.Worker.Tests;

public sealed class DeviceMemoryBudgetTests
{
    private const long GiB = 1L << 30;

    [Fact]
    public void Trials_are_packed_until_their_estimates_fill_the_fraction_of_free_memory()
    {
        // 10 GiB free, 0.5 of it: 5 GiB less the CUDA context this process has yet to create.
        var budget = new DeviceMemoryBudget(new FakeDeviceMemoryProbe(10 * GiB, 16 * GiB), "cuda:0", 0.5);

        var admitted = Enumerable.Range(0, 10).TakeWhile(i => budget.TryAdmit($"t{i}", 1 * GiB)).Count();

        Assert.Equal(4, admitted);
        Assert.Equal((5 * GiB) - TrialMemoryEstimate.CudaContextBytes, budget.BudgetBytes);
        Assert.Equal(0, budget.LeasableNow(freeSlots: 8));
    }

    [Fact]
    public void A_trial_that_does_not_fit_stops_leasing_until_a_running_trial_ends()
    {
        var budget = new DeviceMemoryBudget(new FakeDeviceMemoryProbe(10 * GiB, 16 * GiB), "cuda:0", 0.8);
        Assert.True(budget.TryAdmit("big", 6 * GiB));
        Assert.Equal(1, budget.LeasableNow(freeSlots: 3));

        Assert.False(budget.TryAdmit("second-big", 6 * GiB));
        Assert.Equal(0, budget.LeasableNow(freeSlots: 3));

        budget.Release("big");
        Assert.Equal(1, budget.LeasableNow(freeSlots: 3));
        Assert.True(budget.TryAdmit("second-big", 6 * GiB));
    }

    [Fact]
    public void A_trial_alone_is_always_admitted_and_the_budget_is_measured_again_when_the_device_is_idle()
    {
        var probe = new FakeDeviceMemoryProbe(2 * GiB, 16 * GiB);
        var budget = new DeviceMemoryBudget(probe, "cuda:0", 0.8);

        Assert.True(budget.TryAdmit("huge", 40 * GiB));
        budget.Release("huge");
        probe.FreeBytes = 12 * GiB;
        Assert.True(budget.TryAdmit("next", 1 * GiB));

        // Measured idle, after our CUDA context exists: no context allowance the second time.
        Assert.Equal((long)(0.8 * 12 * GiB), budget.BudgetBytes);
    }

    [Fact]
    public void Out_of_memory_beside_neighbours_lowers_the_pack_limit_and_asks_for_a_requeue()
    {
        var budget = new DeviceMemoryBudget(new FakeDeviceMemoryProbe(100 * GiB, 141 * GiB), "cuda:0", 0.9);
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            Assert.True(budget.TryAdmit(id, GiB));
        }

        Assert.True(budget.RecordOutOfMemory("d"));

        Assert.Equal(3, budget.PackLimit);
        Assert.Equal(0, budget.LeasableNow(freeSlots: 10));
        Assert.False(budget.TryAdmit("e", GiB));
        budget.Release("a");
        Assert.Equal(1, budget.LeasableNow(freeSlots: 10));
    }

    [Fact]
    public void Out_of_memory_alone_fails_the_trial_instead_of_requeueing_it_forever()
    {
        var budget = new DeviceMemoryBudget(new FakeDeviceMemoryProbe(10 * GiB, 16 * GiB), "cuda:0", 0.8);
        Assert.True(budget.TryAdmit("alone", GiB));

        Assert.False(budget.RecordOutOfMemory("alone"));
        Assert.Equal(0, budget.RunningCount);
    }

    [Fact]
    public void Unreadable_memory_packs_by_slots_alone()
    {
        var budget = new DeviceMemoryBudget(new FakeDeviceMemoryProbe(10 * GiB, 16 * GiB) { Unreadable = true }, "cuda:0", 0.8);

        Assert.All(Enumerable.Range(0, 5), i => Assert.True(budget.TryAdmit($"t{i}", 100 * GiB)));
        Assert.Null(budget.BudgetBytes);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.99)]
    public void A_fraction_outside_five_to_ninety_five_percent_is_refused(double fraction) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeviceMemoryBudget(new FakeDeviceMemoryProbe(GiB, GiB), "cuda:0", fraction));
}

// These tests start real processes and measure allocations: one at a time, so counts and timings are their own.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

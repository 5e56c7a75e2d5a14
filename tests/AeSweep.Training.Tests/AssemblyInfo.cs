// Tests that train share two cores: run them one at a time (two trainings side by side oversubscribe the CPU).
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// Each test runs a cluster of real processes that share this machine's cores; side by side they would starve
// each other's heartbeats and make timing-dependent steps flaky.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

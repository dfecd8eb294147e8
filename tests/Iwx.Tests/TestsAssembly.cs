// Scenario tests drive whole simulated worlds; they share no state, so xUnit may run classes in parallel.
[assembly: CollectionBehavior(DisableTestParallelization = false)]

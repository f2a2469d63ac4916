// Several classes start real systems (up to eight processes each); run side by side on a 2-core
// machine they starved each other, and a service's graceful stop overran the stop timeout.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// Each collection starts a whole system (seven services and the gateway); two at once on a 2-core
// machine starve each other's database and broker connections, so the collections run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

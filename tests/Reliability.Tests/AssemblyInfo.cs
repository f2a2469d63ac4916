// Each collection starts a whole system (fifteen processes under Aspire); two at once on a 2-core
// machine starve each other, so the collections run one after another. The attribute alone did not
// do it (xunit v3 lets xunit.runner.json win): this project's own xunit.runner.json says so too.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

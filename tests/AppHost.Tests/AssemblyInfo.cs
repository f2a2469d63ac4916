// Each class starts whole systems (fifteen processes each under Aspire); side by side on a 2-core
// machine they starve each other. The attribute alone did not serialize them (xunit v3 lets
// xunit.runner.json win): this project's own xunit.runner.json turns collection parallelism off.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

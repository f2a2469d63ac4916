// Each class starts whole systems (fifteen processes each under Aspire); side by side on a 2-core
// machine they starve each other. One collection for the assembly runs them one after another
// (DisableTestParallelization alone did not: xunit.runner.json's parallelizeTestCollections won).
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]

// The classes share one whole system (a collection fixture): fifteen processes under Aspire leave no
// room for a second on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

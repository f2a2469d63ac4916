namespace AmbassadorNet.Persistence.Tenancy;

/// <summary>
/// A brand's row that is one creator's (an enrollment, a post, a link, a ledger line). When a creator
/// credential calls (<see cref="BrandScope.CreatorId"/> set), queries see only that creator's rows and a
/// save of another creator's row fails, however the endpoint wrote its query.
/// </summary>
public interface ICreatorOwned : IBrandOwned
{
    Guid CreatorId { get; }
}

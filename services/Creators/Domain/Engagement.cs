namespace AmbassadorNet.Creators.Domain;

/// <summary>
/// Engagement rate = (average likes + average comments) / followers, as a fraction (0.035 = 3.5%),
/// rounded to six places. Across accounts the rate is weighted by followers, so a large account
/// counts for more than a small one: sum(likes + comments) / sum(followers). No followers, no rate.
/// </summary>
public static class Engagement
{
    private const int Places = 6;

    public static decimal? Rate(long followers, long averageLikes, long averageComments) =>
        followers <= 0 ? null : Math.Round((decimal)(averageLikes + averageComments) / followers, Places, MidpointRounding.AwayFromZero);

    public static decimal? Overall(IEnumerable<SocialAccount> accounts)
    {
        var list = accounts.ToList();
        var followers = list.Sum(a => a.Followers);
        return Rate(followers, list.Sum(a => a.AverageLikes), list.Sum(a => a.AverageComments));
    }
}

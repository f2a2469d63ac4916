using System.Security.Cryptography;
using System.Text;

namespace AmbassadorNet.Demo;

/// <summary>
/// The brand's rules for its creators and their own access (issue #31): disclosure markers, a policy
/// of competing categories, agreements the always-on ambassadors accept with their own credentials
/// (a few still waiting), one ambassador who records their own post and metrics, and one invitation
/// flagged because it competes with what its creator promised in their agreement.
/// </summary>
public sealed partial class Seeder
{
    private const int Ambassadors = 12;
    private const int LeftWaiting = 3;

    private const string Terms =
        "{{creator.name}} ({{creator.handle}}) joins {{campaign.name}} as an ambassador of Verdant Foods. They post about our products " +
        "only when they have tried them, mark every post as an ad, and keep their audience's questions about the products for us to answer.";

    private async Task<string> AgreementsAsync(Keys keys, List<Enrolled> enrolled)
    {
        await keys.Manager.SendAsync(HttpMethod.Put, "/api/content-policy/disclosure", new
        {
            markers = new object[] { new { text = "#ad", markets = (string[]?)null }, new { text = "#sponsored", markets = (string[]?)null }, new { text = "Anzeige", markets = new[] { "DE", "AT" } } },
            acceptPaidPartnershipLabel = true,
        });
        await keys.Manager.SendAsync(HttpMethod.Put, "/api/content-policy/exclusivity", new { onConflict = "flag", conflictingCategories = new[] { new[] { "plant-protein", "snack-bars" } } });
        var template = (await keys.Manager.PostAsync("/api/agreement-templates", new { name = "Ambassador terms 2026", text = Terms })).GetProperty("id").GetGuid();

        var ambassadors = enrolled.Where(e => e.Campaign == 0).Take(Ambassadors).ToList();
        if (ambassadors.Count == 0)
        {
            return "no agreements: nobody accepted the always-on campaign";
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var accepted = 0;
        await Parallel.ForEachAsync(ambassadors.Select((e, i) => (e, i)), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (a, _) =>
        {
            var agreement = await keys.Manager.PostAsync("/api/agreements", new
            {
                enrollmentId = a.e.EnrollmentId, templateId = template, deliverablesOwed = new[] { new { type = "post", count = 2 } },
                exclusivity = new { categories = new[] { "plant-protein" }, startsOn = today, endsOn = today.AddMonths(6) },
                usageRights = new[] { RightsOf(a.e, a.i, today) },
            });
            if (a.i < Ambassadors - LeftWaiting)
            {
                var own = await CreatorCredentialAsync(keys.Admin, a.e);
                var text = await own.GetTextAsync($"/api/me/agreements/{agreement.GetProperty("id").GetGuid()}/text");
                await own.PostAsync($"/api/me/agreements/{agreement.GetProperty("id").GetGuid()}/accept", new { textSha256 = Sha256(text) });
                Interlocked.Increment(ref accepted);
            }
        });

        var self = ambassadors.Take(ExpiringSoon).FirstOrDefault(a => a.Creator.Platform == "instagram") is { } poster
            ? await OwnSubmissionAsync(keys.Admin, keys.Manager, poster)
            : "no instagram ambassador to record their own reel";
        var flagged = await FlaggedInvitationAsync(keys.Manager, ambassadors[0]);
        return $"agreements: {ambassadors.Count} ambassadors of the always-on campaign sent terms from a template (2 posts, exclusive on plant-protein for 6 months, " +
               $"usage rights: {Math.Min(ExpiringSoon, ambassadors.Count)} for a launch week ending in 5 days, the rest for a year); " +
               $"{accepted} accepted with their own credentials, {ambassadors.Count - accepted} still waiting; {self}; {flagged}";
    }

    /// <summary>
    /// What the brand may do with the ambassador's posts. The first few (among them the one who records
    /// their own reel) granted paid ads and reposts in their country for a launch week only, which ends in
    /// five days: those posts are "expiring", and the notice job announces it once (the 7-day threshold).
    /// </summary>
    private static object RightsOf(Enrolled ambassador, int index, DateOnly today) => index < ExpiringSoon
        ? new { uses = new[] { "paid_ads", "organic_repost" }, territories = new[] { ambassador.Creator.Country }, startsOn = today.AddDays(-2), endsOn = today.AddDays(5), mayEdit = false }
        : new { uses = new[] { "organic_repost", "website", "email" }, territories = new[] { "*" }, startsOn = today, endsOn = today.AddYears(1), mayEdit = true };

    private const int ExpiringSoon = 4;

    /// <summary>The ambassador's own credential, made by the brand's admin and handed to them.</summary>
    private static async Task<ApiClient> CreatorCredentialAsync(ApiClient admin, Enrolled creator)
    {
        var issued = await admin.PostAsync("/api/api-keys", new { name = "Own access", roles = new[] { "creator" }, creatorId = creator.CreatorId });
        return admin.WithKey(issued.GetProperty("key").GetString()!);
    }

    /// <summary>The ambassador records a post and its first metrics with their own credential.</summary>
    private static async Task<string> OwnSubmissionAsync(ApiClient admin, ApiClient manager, Enrolled ambassador)
    {
        var own = await CreatorCredentialAsync(admin, ambassador);
        var post = await own.PostAsync("/api/me/posts", new
        {
            enrollmentId = ambassador.EnrollmentId, platform = "instagram", format = "reel", url = $"https://www.instagram.com/reel/Own{ambassador.EnrollmentId:N}/",
            publishedAt = DateTimeOffset.UtcNow.AddHours(-6), language = "en", caption = "Breakfast with the new oat protein #ad", paidPartnershipLabel = true,
        });
        var postId = post.GetProperty("id").GetGuid();
        await own.PostAsync($"/api/me/posts/{postId}/metrics", new { measuredAt = DateTimeOffset.UtcNow, views = 8_400, likes = 610, comments = 48, shares = 22 });
        var mine = await own.GetAsync("/api/me/posts");
        var check = await manager.GetAsync($"/api/posts/{postId}/usage-check?use=paid_ads&territory={ambassador.Creator.Country}&on={DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10):yyyy-MM-dd}");
        return $"{ambassador.Creator.Name} recorded their own reel and its metrics with their credential ({mine.GetProperty("items").GetArrayLength()} post of theirs, " +
               $"disclosure {post.GetProperty("disclosure").GetProperty("status").GetString()}, usage rights {post.GetProperty("usageRights").GetProperty("status").GetString()}; " +
               $"paid ads with it in 10 days: {check.GetProperty("reason").GetString()})";
    }

    /// <summary>A launch in a category the brand lists as competing with plant protein: the invitation is flagged, not refused.</summary>
    private static async Task<string> FlaggedInvitationAsync(ApiClient manager, Enrolled ambassador)
    {
        var campaign = await manager.PostAsync("/api/campaigns", new { name = "Protein bar launch", productCategory = "snack-bars" });
        var invited = await manager.PostAsync($"/api/campaigns/{campaign.GetProperty("id").GetGuid()}/enrollments", new { creatorId = ambassador.CreatorId });
        var conflict = invited.GetProperty("exclusivityConflicts")[0];
        return $"invited to the draft \"Protein bar launch\" (snack-bars), {ambassador.Creator.Name} is flagged: they promised {conflict.GetProperty("category").GetString()} " +
               $"until {conflict.GetProperty("endsOn").GetString()} in their agreement";
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace EndToEnd.Tests;

/// <summary>
/// A creator who does their own work, through the gateway with a creator credential the brand's admin
/// made for her: she accepts her invitation and her agreement (confirming the hash of the text she read),
/// records her post for the deliverable she owes; the manager's approval waits for her disclosure, which
/// the manager overrides with a note. She reaches nothing of the brand's.
/// </summary>
public sealed partial class BrandJourneyTests
{
    [Fact]
    public async Task A_creator_with_her_own_credential_accepts_her_invitation_and_agreement_and_submits_her_post()
    {
        var brand = await Brand.BootstrapAsync(Http, system.Gateway, system.OperatorKey);
        var eve = Id(await brand.ApplyAsync("Eve Own", "eveown", followers: 30_000, likes: 1_200, comments: 90));
        await brand.Manager.SendAsync(HttpMethod.Post, $"/api/creators/{eve}/approve");
        var unknown = await brand.Admin.SendRawAsync(HttpMethod.Post, "/api/api-keys",
            System.Net.Http.Json.JsonContent.Create(new { name = "nobody", roles = new[] { "creator" }, creatorId = Guid.CreateVersion7() }));
        var own = await brand.Admin.WithCreatorCredentialAsync("Eve's own access", eve.ToString());
        var campaignId = await brand.LaunchTieredCampaignAsync();
        var invited = await brand.Manager.EventuallyAsync(HttpMethod.Post, $"/api/campaigns/{campaignId}/enrollments", new { creatorId = eve }, "campaigns to learn of the approval");
        var enrollmentId = Id(invited);

        // Her invitations, with the campaign's brief and terms; she accepts.
        var mine = await own.SendAsync(HttpMethod.Get, "/api/me/enrollments?status=invited");
        var accepted = await own.SendAsync(HttpMethod.Post, $"/api/me/enrollments/{enrollmentId}/accept");

        // The agreement the manager sends; she reads the text and accepts what she read.
        var sent = await brand.Manager.SendAsync(HttpMethod.Post, "/api/agreements", new
        {
            enrollmentId, text = "Eve posts one reel about the Spring box and marks it as an ad.", deliverablesOwed = new[] { new { type = "video", count = 1 } },
        });
        var (_, text) = await own.SendRawAsync(HttpMethod.Get, $"/api/me/agreements/{Id(sent)}/text");
        var signed = await own.SendAsync(HttpMethod.Post, $"/api/me/agreements/{Id(sent)}/accept", new { textSha256 = Sha256(text) });

        // The deliverable she owes, her post for it without a disclosure, the approval refused, the manager's override.
        var deliverable = await brand.Manager.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaignId}/enrollments/{enrollmentId}/deliverables",
            new { type = "video", dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)) });
        var post = await own.SendAsync(HttpMethod.Post, "/api/me/posts", new
        {
            enrollmentId, deliverableId = Id(deliverable), platform = "instagram", format = "reel", url = "https://www.instagram.com/reel/EveBox01/",
            publishedAt = DateTimeOffset.UtcNow.AddHours(-1), language = "en", market = "US", caption = "Loving my spring box", paidPartnershipLabel = false,
        });
        var submitted = (await brand.Manager.SendAsync(HttpMethod.Get, $"/api/campaigns/{campaignId}/enrollments/{enrollmentId}/deliverables"))[0];
        var approve = $"/api/campaigns/{campaignId}/enrollments/{enrollmentId}/deliverables/{Id(deliverable)}/approve";
        var (refusedStatus, refusedBody) = await brand.Manager.SendRawAsync(HttpMethod.Post, approve);
        await brand.Manager.SendAsync(HttpMethod.Post, $"/api/posts/{Id(post)}/disclosure-override", new { note = "Disclosed in the spoken intro; checked the video." });
        var approved = await brand.Manager.SendAsync(HttpMethod.Post, approve);

        // Nothing of the brand's is hers to see; revoked, the credential is refused at once.
        var (brandStatus, _) = await own.SendRawAsync(HttpMethod.Get, "/api/campaigns");
        await brand.Admin.SendAsync(HttpMethod.Delete, $"/api/api-keys/{await CredentialIdAsync(brand, eve)}");
        var (revokedStatus, _) = await own.SendRawAsync(HttpMethod.Get, "/api/me/enrollments");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("creatorId", unknown.Body);
        Assert.Equal([enrollmentId], Items(mine).Select(Id));
        Assert.Equal("Spring box", Items(mine).Single().GetProperty("campaign").GetProperty("name").GetString());
        Assert.Equal("active", accepted.GetProperty("status").GetString());
        Assert.Equal(("accepted", Sha256(text)), (signed.GetProperty("status").GetString(), signed.GetProperty("textSha256").GetString()));
        Assert.Equal(("missing", "submitted"), (post.GetProperty("disclosure").GetProperty("status").GetString(), submitted.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, refusedStatus);
        Assert.Contains("none of", refusedBody);
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, brandStatus);
        Assert.Equal(HttpStatusCode.Unauthorized, revokedStatus);
    }

    private static async Task<Guid> CredentialIdAsync(Brand brand, Guid creatorId) =>
        Items(await brand.Admin.SendAsync(HttpMethod.Get, $"/api/api-keys?creatorId={creatorId}")).Single().GetProperty("id").GetGuid();

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

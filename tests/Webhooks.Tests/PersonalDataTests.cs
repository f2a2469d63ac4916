using System.Text.Json;
using System.Text.Json.Nodes;
using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Contracts.Creators;
using AmbassadorNet.Messaging;
using AmbassadorNet.Webhooks.EventLog;

namespace Webhooks.Tests;

/// <summary>What erasing a creator removes from the events kept about them: their content's URL and caption, never ids or figures.</summary>
public sealed class PersonalDataTests
{
    [Fact]
    public void A_posts_url_and_caption_are_scrubbed_and_its_ids_platform_and_figures_stay()
    {
        var (post, creator) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var recorded = new PostRecorded(Guid.CreateVersion7(), DateTimeOffset.UtcNow, post, 1, new PostState(
            post, Guid.NewGuid(), Guid.NewGuid(), creator, null, "tiktok", "short_video", "https://www.tiktok.com/@jane.doe/video/7301234567890123456",
            DateTimeOffset.UtcNow, "en", "US", "Jane's pick #ad", true, 42_000), true, false);

        var scrubbed = JsonNode.Parse(PersonalData.Scrub(MessageTypes.Serialize(recorded, typeof(PostRecorded)))!)!["post"]!.AsObject();

        Assert.Equal(creator, PersonalData.CreatorOf(recorded));
        Assert.True(PersonalData.MayCarry(typeof(PostRecorded))); // so a post event arriving after the erasure is scrubbed before it is kept
        Assert.False(scrubbed.ContainsKey("url"));
        Assert.False(scrubbed.ContainsKey("caption"));
        Assert.Equal(("tiktok", "short_video", 42_000L), (scrubbed["platform"]!.GetValue<string>(), scrubbed["format"]!.GetValue<string>(), scrubbed["creatorFollowers"]!.GetValue<long>()));
        Assert.Equal(post, scrubbed["postId"]!.GetValue<Guid>());
    }

    [Fact]
    public void Events_whose_nested_state_names_the_person_may_carry_personal_data_and_money_events_do_not()
    {
        Assert.True(PersonalData.MayCarry(typeof(DeliverableSubmitted))); // deliverable.submittedUrl
        Assert.True(PersonalData.MayCarry(typeof(AmbassadorNet.Contracts.Creators.CreatorApproved)));
        Assert.False(PersonalData.MayCarry(typeof(AmbassadorNet.Contracts.Tracking.ConversionAttributed)));
        Assert.False(PersonalData.MayCarry(typeof(GiftShipped)));
    }

    [Fact]
    public void A_payout_profile_proposals_last_four_characters_are_scrubbed_and_its_method_and_currency_stay()
    {
        var creator = Guid.CreateVersion7();
        var proposed = new CreatorPayoutProfileChangeProposed(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), creator, "paypal", "EUR", "7781", "submitted", null);

        var scrubbed = JsonNode.Parse(PersonalData.Scrub(MessageTypes.Serialize(proposed, typeof(CreatorPayoutProfileChangeProposed)))!)!.AsObject();

        Assert.Equal(creator, PersonalData.CreatorOf(proposed));
        Assert.True(PersonalData.MayCarry(typeof(CreatorPayoutProfileChangeProposed)));
        Assert.False(scrubbed.ContainsKey("payeeReferenceLast4"));
        Assert.Equal(("paypal", "EUR"), (scrubbed["method"]!.GetValue<string>(), scrubbed["currency"]!.GetValue<string>()));
    }
}

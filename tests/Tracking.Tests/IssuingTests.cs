using System.Net;
using System.Text.Json;
using AmbassadorNet.TestKit.Waiting;

namespace Tracking.Tests;

public sealed class IssuingTests(TrackingService service) : IClassFixture<TrackingService>
{
    [Fact]
    public async Task An_enrollment_before_its_campaign_is_parked_then_issued_a_link_and_a_promo_code()
    {
        var (brand, campaign, enrollment) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAsync(Events.Enrolled(brand, campaign, enrollment));
        await Eventually.UntilAsync(async _ => await service.ScalarAsync<long>("SELECT count(*) FROM parked_messages WHERE brand_id = @b", ("b", brand)) == 1, "parked enrollment");

        await service.PublishAsync(Events.Launched(brand, campaign));
        var (link, promo) = await service.CodesOfAsync(brand, enrollment);
        await Eventually.UntilAsync(async _ => await service.ScalarAsync<long>("SELECT count(*) FROM parked_messages WHERE brand_id = @b", ("b", brand)) == 0, "parking released");
        var issued = await service.ScalarAsync<string>(
            "SELECT body::text FROM outbox_messages WHERE brand_id = @b AND message_type LIKE '%PromoCodeIssued%'", ("b", brand));
        var discount = JsonDocument.Parse(issued).RootElement.GetProperty("discount");

        Assert.Matches("^[0-9A-Za-z]{8}$", link);
        Assert.Equal("JANEDOE", promo);
        Assert.Equal(15m, discount.GetProperty("percent").GetDecimal());
        Assert.Equal(1L, await service.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE brand_id = @b AND message_type LIKE '%TrackingLinkIssued%'", ("b", brand)));
    }

    [Fact]
    public async Task Duplicated_enrollment_events_change_nothing()
    {
        var (brand, campaign, enrollment) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAsync(Events.Launched(brand, campaign));
        var enrolled = Events.Enrolled(brand, campaign, enrollment);
        var messageId = Guid.NewGuid();
        await service.PublishAsync(enrolled, messageId);
        await service.PublishAsync(enrolled, messageId); // redelivered: the inbox drops it
        await service.PublishAsync(enrolled); // re-published under a new id: the enrollment's version drops it
        await service.CodesOfAsync(brand, enrollment);

        var links = await Eventually.SettledAsync(
            async _ => await service.ScalarAsync<long>("SELECT count(*) FROM tracking_links WHERE brand_id = @b", ("b", brand)), "links", service.Idle);

        Assert.Equal(1L, links);
        Assert.Equal(1L, await service.ScalarAsync<long>("SELECT count(*) FROM promo_codes WHERE brand_id = @b", ("b", brand)));
    }

    [Fact]
    public async Task Many_enrollments_at_once_whose_handles_share_a_stem_each_get_their_own_promo_code()
    {
        var (brand, campaign) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAsync(Events.Launched(brand, campaign));
        var enrollments = Enumerable.Range(0, 50).Select(_ => Guid.CreateVersion7()).ToList();
        // Handles longer than the stem's twelve letters: every one derives the stem SAMEPREFIXAB.
        await Task.WhenAll(enrollments.Select((e, i) => service.PublishAsync(Events.Enrolled(brand, campaign, e, $"sameprefixab{i}"))));

        var codes = new List<string>();
        foreach (var enrollment in enrollments)
        {
            codes.Add((await service.CodesOfAsync(brand, enrollment)).Promo);
        }

        Assert.Equal(enrollments.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.StartsWith("SAMEPREFIXAB", c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Promo_codes_are_unique_per_brand_ignoring_case_and_suffixed_on_collision()
    {
        var (brand, otherBrand, campaign, otherCampaign) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAsync(Events.Launched(brand, campaign));
        await service.PublishAsync(Events.Launched(otherBrand, otherCampaign));
        var (first, second, other) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAsync(Events.Enrolled(brand, campaign, first, "@JaneDoe"));
        var firstCodes = await service.CodesOfAsync(brand, first);
        await service.PublishAsync(Events.Enrolled(brand, campaign, second, "janedoe"));
        await service.PublishAsync(Events.Enrolled(otherBrand, otherCampaign, other, "jane_doe"));

        var secondCodes = await service.CodesOfAsync(brand, second);
        var otherCodes = await service.CodesOfAsync(otherBrand, other);
        var taken = await service.SendAsync(HttpMethod.Post, "/api/promo-codes", brand, new { enrollmentId = first, code = "janeDOE2" });
        var chosen = await service.ReadAsync(HttpMethod.Post, "/api/promo-codes", brand, new { enrollmentId = first, code = "Spring25" });

        Assert.Equal(("JANEDOE", "JANEDOE2", "JANEDOE"), (firstCodes.Promo, secondCodes.Promo, otherCodes.Promo));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("Spring25", chosen.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Links_and_promo_codes_of_one_brand_are_invisible_to_another()
    {
        var (brand, intruder, campaign, enrollment) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAsync(Events.Launched(brand, campaign));
        await service.PublishAsync(Events.Enrolled(brand, campaign, enrollment));
        await service.CodesOfAsync(brand, enrollment);
        var linkId = (await service.ReadAsync(HttpMethod.Get, "/api/links", brand)).GetProperty("items")[0].GetProperty("id").GetGuid();

        var links = await service.ReadAsync(HttpMethod.Get, "/api/links", intruder);
        var codes = await service.ReadAsync(HttpMethod.Get, "/api/promo-codes", intruder);
        var deactivate = await service.SendAsync(HttpMethod.Post, $"/api/links/{linkId}/deactivate", intruder);
        var create = await service.SendAsync(HttpMethod.Post, "/api/links", intruder, new { enrollmentId = enrollment });
        var analystWrite = await service.SendAsync(HttpMethod.Post, "/api/links", brand, new { enrollmentId = enrollment }, "analyst");

        Assert.Equal(0, links.GetProperty("items").GetArrayLength());
        Assert.Equal(0, codes.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, deactivate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, analystWrite.StatusCode);
    }
}

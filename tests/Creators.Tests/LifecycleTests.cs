using System.Net;

namespace Creators.Tests;

public sealed class LifecycleTests(CreatorsService service) : IClassFixture<CreatorsService>
{
    [Fact]
    public async Task A_creator_moves_through_the_lifecycle_one_version_at_a_time()
    {
        var brand = Guid.CreateVersion7();
        var id = await service.ApplyAsync(brand, Applicants.Creator(1));

        var approved = await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/approve", brand);
        var suspended = await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/suspend", brand, new { reason = "late posts" });
        var reinstated = await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/reinstate", brand);
        var offboarded = await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/offboard", brand);

        Assert.Equal(("approved", 2), (approved.GetProperty("status").GetString(), approved.GetProperty("version").GetInt64()));
        Assert.Equal(("suspended", 3), (suspended.GetProperty("status").GetString(), suspended.GetProperty("version").GetInt64()));
        Assert.Equal(("approved", 4), (reinstated.GetProperty("status").GetString(), reinstated.GetProperty("version").GetInt64()));
        Assert.Equal(("offboarded", 5), (offboarded.GetProperty("status").GetString(), offboarded.GetProperty("version").GetInt64()));
    }

    [Theory]
    [InlineData("approve", "reinstate")] // only a suspended creator is reinstated
    [InlineData("reject", "approve")]    // a rejected applicant is not approved later
    [InlineData("approve", "reject")]    // only applicants are rejected
    [InlineData("offboard", "offboard")]
    [InlineData("offboard", "suspend")]
    public async Task An_illegal_transition_is_a_409_and_changes_nothing(string first, string illegal)
    {
        var brand = Guid.CreateVersion7();
        var id = await service.ApplyAsync(brand, Applicants.Creator(2));
        await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/{first}", brand);
        var before = await service.ReadAsync(HttpMethod.Get, $"/api/creators/{id}", brand);

        var response = await service.SendAsync(HttpMethod.Post, $"/api/creators/{id}/{illegal}", brand);
        var after = await service.ReadAsync(HttpMethod.Get, $"/api/creators/{id}", brand);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
        Assert.Equal(before.GetProperty("status").GetString(), after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Another_brand_cannot_see_or_change_a_creator()
    {
        var (owner, other) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var id = await service.ApplyAsync(owner, Applicants.Creator(3));

        var read = await service.SendAsync(HttpMethod.Get, $"/api/creators/{id}", other);
        var approve = await service.SendAsync(HttpMethod.Post, $"/api/creators/{id}/approve", other);
        var search = await service.ReadAsync(HttpMethod.Get, "/api/creators", other);
        var mine = await service.ReadAsync(HttpMethod.Get, $"/api/creators/{id}", owner);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        Assert.Equal(0, search.GetProperty("items").GetArrayLength());
        Assert.Equal("applied", mine.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_profile_can_be_updated_and_email_stays_unique_per_brand_ignoring_case()
    {
        var brand = Guid.CreateVersion7();
        var id = await service.ApplyAsync(brand, Applicants.Creator(4));
        await service.ApplyAsync(brand, Applicants.Creator(5));

        var updated = await service.ReadAsync(HttpMethod.Patch, $"/api/creators/{id}", brand, new { displayName = "Renamed", niches = new[] { "Travel", "food" } });
        var taken = await service.SendAsync(HttpMethod.Patch, $"/api/creators/{id}", brand, new { email = "CREATOR5@example.com" });
        var duplicate = await service.SendAsync(HttpMethod.Post, "/api/creators", brand, Applicants.Creator(5));
        var otherBrand = await service.SendAsync(HttpMethod.Post, "/api/creators", Guid.CreateVersion7(), Applicants.Creator(5));

        Assert.Equal("Renamed", updated.GetProperty("displayName").GetString());
        Assert.Equal(["travel", "food"], updated.GetProperty("niches").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.Created, otherBrand.StatusCode);
    }
}

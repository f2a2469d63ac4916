using System.Net;

namespace ServiceDefaults.Tests.Http;

public sealed class IdempotencyTests(SampleServiceFixture fixture) : IClassFixture<SampleServiceFixture>
{
    private SampleService Service => fixture.Service;

    [Fact]
    public async Task The_same_key_and_body_replays_the_first_response()
    {
        var brand = Guid.CreateVersion7();
        var key = Guid.NewGuid().ToString();

        var first = await CreateAsync(brand, key, new { name = "Mug", price = 12.5 });
        var second = await CreateAsync(brand, key, new { name = "Mug", price = 12.5 });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await Service.QueryAsync(brand, db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_409()
    {
        var brand = Guid.CreateVersion7();
        var key = Guid.NewGuid().ToString();
        await CreateAsync(brand, key, new { name = "Mug", price = 12.5 });

        var other = await CreateAsync(brand, key, new { name = "Mug", price = 99 });

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await Service.QueryAsync(brand, db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_run_once()
    {
        var brand = Guid.CreateVersion7();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => CreateAsync(brand, key, new { name = "Lamp", price = 30 })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location).Distinct());
        Assert.Equal(1, await Service.QueryAsync(brand, db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task Keys_belong_to_one_brand()
    {
        var key = Guid.NewGuid().ToString();
        var (one, two) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        var first = await CreateAsync(one, key, new { name = "Mug", price = 1 });
        var second = await CreateAsync(two, key, new { name = "Mug", price = 1 });

        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task A_failure_on_our_side_releases_the_key_for_a_retry()
    {
        var brand = Guid.CreateVersion7();
        var key = Guid.NewGuid().ToString();

        var failed = await CreateAsync(brand, key, new { name = "Mug", price = 1, failAfterWrite = true });
        var retried = await CreateAsync(brand, key, new { name = "Mug", price = 1 });

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(1, await Service.QueryAsync(brand, db => db.Products.CountAsync()));
    }

    private Task<HttpResponseMessage> CreateAsync(Guid brand, string key, object body) =>
        Service.Http.SendAsync(Service.Request(HttpMethod.Post, "/api/products", brand).WithJson(body).WithHeader("Idempotency-Key", key));
}

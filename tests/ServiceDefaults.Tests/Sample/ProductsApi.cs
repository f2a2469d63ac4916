using AmbassadorNet.Messaging.Outbox;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Errors;
using AmbassadorNet.ServiceDefaults.Idempotency;
using AmbassadorNet.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServiceDefaults.Tests.Sample.Events;

namespace ServiceDefaults.Tests.Sample;

public sealed record CreateProduct(string? Name, decimal? Price, bool FailAfterWrite = false);

public sealed record ProductView(Guid Id, string Name, decimal Price);

/// <summary>A command endpoint written the way services write theirs: validate, change state, add the event, save once.</summary>
public static class ProductsApi
{
    public static void MapProductsApi(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/products");
        products.MapPost("/", CreateAsync).RequireAccess(AccessPolicies.CatalogWrite).Idempotent();
        products.MapGet("/{id:guid}", GetAsync).RequireAccess(AccessPolicies.CatalogRead);
    }

    private static async Task<Created<ProductView>> CreateAsync(CreateProduct request, ShopDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            errors["name"] = ["A name of 1 to 100 characters is required."];
        }

        if (request.Price is null or < 0)
        {
            errors["price"] = ["A price of zero or more is required."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var product = new Product { Id = Ids.New(clock), Name = request.Name!, Price = request.Price!.Value };
        db.Products.Add(product);
        db.AddEvent(new ProductPublished(db.CurrentBrandId, clock.GetUtcNow(), product.Id, product.Name, product.Price), clock);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (request.FailAfterWrite)
        {
            throw new InvalidOperationException("Failing after the write, before the commit.");
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/products/{product.Id}", new ProductView(product.Id, product.Name, product.Price));
    }

    private static async Task<Results<Ok<ProductView>, NotFound>> GetAsync(Guid id, ShopDbContext db, CancellationToken cancellationToken) =>
        await db.Products.FindAsync([id], cancellationToken) is { } product
            ? TypedResults.Ok(new ProductView(product.Id, product.Name, product.Price))
            : TypedResults.NotFound();
}

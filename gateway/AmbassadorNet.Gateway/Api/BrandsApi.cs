using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Errors;
using AmbassadorNet.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AmbassadorNet.Gateway.Api;

public static class BrandsApi
{
    public const int MaxNameLength = 200;

    public static IEndpointRouteBuilder MapBrandsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/brands", CreateAsync)
            .RequireAccess(AccessPolicies.Operations)
            .WithTags(GatewayTags.Brands)
            .WithName("CreateBrand")
            .WithSummary("Creates a brand, its first member (an admin, named by admin or \"Initial admin\") and that member's key (operator key only); the key is shown once.");
        return app;
    }

    private static async Task<Created<BrandCreated>> CreateAsync(CreateBrandRequest request, GatewayDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            throw new RequestValidationException("name", $"A name of 1 to {MaxNameLength} characters is required.");
        }

        var brand = new Brand { Id = Ids.New(clock), Name = name, CreatedAt = clock.GetUtcNow() };
        var admin = MemberInput.Create(brand.Id, (request.Admin ?? new NewMemberRequest("Initial admin", null)) with { Roles = [Roles.Admin] }, InternalCaller.Operator, clock);
        // The operator acts for no brand; this request acts for the one it creates.
        db.BrandScope.Set(brand.Id);
        var (key, issued) = NewApiKey.Create(brand.Id, "Initial admin key", [Roles.Admin], KeyHolder.Member(admin.Id), InternalCaller.Operator, clock);
        db.Brands.Add(brand);
        db.Members.Add(admin);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created((string?)null, new BrandCreated(new BrandView(brand.Id, brand.Name, brand.CreatedAt), MemberInput.View(admin), issued));
    }
}

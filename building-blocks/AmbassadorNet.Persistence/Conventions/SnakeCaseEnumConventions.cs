using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Persistence.Conventions;

public static class SnakeCaseEnumConventions
{
    /// <summary>Every property of these enum types is stored through <see cref="SnakeCaseEnumConverter{TEnum}"/>.</summary>
    public static ModelConfigurationBuilder StoreAsSnakeCase(this ModelConfigurationBuilder conventions, params Type[] enums)
    {
        foreach (var type in enums)
        {
            conventions.Properties(type).HaveConversion(typeof(SnakeCaseEnumConverter<>).MakeGenericType(type));
        }

        return conventions;
    }
}

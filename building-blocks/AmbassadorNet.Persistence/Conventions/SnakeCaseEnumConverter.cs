using AmbassadorNet.SharedKernel;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AmbassadorNet.Persistence.Conventions;

/// <summary>Stores an enum as the snake_case text the API and events use ("bank_transfer"), so the database reads the same.</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => SnakeCaseEnums.Name(value),
    text => SnakeCaseEnums.Parse<TEnum>(text))
    where TEnum : struct, Enum;

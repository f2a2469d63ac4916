using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AmbassadorNet.Gateway.Data;

/// <summary>An identity provider's role mappings in one text column, as a JSON object (claim value → roles).</summary>
internal static class RoleMappingsConversion
{
    public static readonly ValueConverter<Dictionary<string, List<string>>, string> Converter = new(
        mappings => JsonSerializer.Serialize(mappings, JsonSerializerOptions.Default),
        text => JsonSerializer.Deserialize<Dictionary<string, List<string>>>(text, JsonSerializerOptions.Default) ?? new Dictionary<string, List<string>>());

    public static readonly ValueComparer<Dictionary<string, List<string>>> Comparer = new(
        (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Default) == JsonSerializer.Serialize(b, JsonSerializerOptions.Default),
        m => JsonSerializer.Serialize(m, JsonSerializerOptions.Default).GetHashCode(StringComparison.Ordinal),
        m => JsonSerializer.Deserialize<Dictionary<string, List<string>>>(JsonSerializer.Serialize(m, JsonSerializerOptions.Default), JsonSerializerOptions.Default)!);
}

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Nolb.Web.Infrastructure;

/// <summary>The OpenAPI document at /openapi/v1.json, with the bearer scheme API clients use.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddNolbOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer<BearerSchemeTransformer>();
            options.AddSchemaTransformer(ApiTextAndDatesAreStrings);
        });

    /// <summary>
    /// The schema generator cannot see inside a custom JSON converter and leaves its type out; text and dates read through
    /// <see cref="ApiTextAndDates"/> are still JSON strings (dates keep the format the generator gives them).
    /// </summary>
    private static Task ApiTextAndDatesAreStrings(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var declared = context.JsonTypeInfo.Type;
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (schema.Type is null && (type == typeof(string) || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset)))
        {
            var nullable = type != declared || context.JsonPropertyInfo is { IsGetNullable: true, PropertyType.IsValueType: false };
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }

        return Task.CompletedTask;
    }

    private sealed class BearerSchemeTransformer : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info = new OpenApiInfo
            {
                Title = "Nolb API",
                Version = "v1",
                Description = "The No One Left Behind employability platform. Sign in with POST /api/v1/auth/login " +
                    "and send the access token as 'Authorization: Bearer <token>'. Any POST may carry an 'Idempotency-Key' header " +
                    "(a new GUID per request): sent again with the same key and body, it answers what the first answered and does " +
                    "nothing twice; the same key with another body answers 422.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An access token from POST /api/v1/auth/login.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            return Task.CompletedTask;
        }
    }
}

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Nolb.Web.Infrastructure;

/// <summary>The OpenAPI document at /openapi/v1.json, with the bearer scheme API clients use.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddNolbOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options => options.AddDocumentTransformer<BearerSchemeTransformer>());

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

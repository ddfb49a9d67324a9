using System.Security.Cryptography;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace PeakMonitor.Web.Api;

/// <summary>
/// The data API's answers compressed (gzip/Brotli) and validated by ETag: a client that sends the ETag
/// back in <c>If-None-Match</c> gets <c>304 Not Modified</c> and no body while the data are unchanged.
/// Only JSON is compressed: the HTML pages carry antiforgery tokens, and compressing secrets beside
/// reflected input is what the BREACH attack reads.
/// </summary>
internal static class ApiCaching
{
    /// <summary>The paths whose answers carry an ETag: the two large, paged data endpoints.</summary>
    private static readonly PathString[] Validated = ["/api/kpis", "/api/series"];

    public static IServiceCollection AddApiCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // Behind TLS too (a reverse proxy terminates it): the JSON answers hold no secrets.
            o.EnableForHttps = true;
            o.MimeTypes = ["application/json", "application/problem+json"];
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        return services;
    }

    public static IApplicationBuilder UseApiCaching(this IApplicationBuilder app)
    {
        app.UseResponseCompression();
        app.UseWhen(c => HttpMethods.IsGet(c.Request.Method) && Validated.Any(p => c.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)), branch => branch.Use(ETagAsync));
        return app;
    }

    /// <summary>
    /// The ETag is a hash of the answer itself (a page is at most a few MB): it changes exactly when the
    /// answer does, whatever changed it (an import, a recomputation, a different page). Weak, because
    /// the compressed bytes differ by encoding while the content is the same.
    /// </summary>
    private static async Task ETagAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        buffer.Position = 0;
        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..32]}\"", isWeak: true);
            context.Response.Headers.ETag = etag.ToString();
            if (Matches(context.Request, etag))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                context.Response.Headers.ContentType = default;
                return;
            }
        }

        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static bool Matches(HttpRequest request, EntityTagHeaderValue etag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
}

using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace PeakMonitor.Web;

/// <summary>
/// One page of a list answer: its items, where it is, how many there are in all, and the link to the
/// next page (null on the last). Every list endpoint answers this way, so no answer is larger than its
/// maximum page size, however much is stored.
/// </summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, string? Next);

/// <summary>The <c>page</c> (from 1) and <c>pageSize</c> query parameters, checked, and the page they select.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    /// <summary>Items before this page (a page number far past the end skips everything rather than overflow).</summary>
    public int Skip => (int)Math.Min(int.MaxValue, (Page - 1L) * PageSize);

    /// <summary>Reads the parameters; a bad one is recorded in <paramref name="errors"/> under its name.</summary>
    public static Paging Parse(string? page, string? pageSize, int defaultSize, int maxSize, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var p = 1;
        if (!string.IsNullOrEmpty(page) && !(int.TryParse(page.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out p) && p >= 1))
        {
            errors["page"] = ["page: give a page number from 1."];
            p = 1;
        }

        var size = defaultSize;
        if (!string.IsNullOrEmpty(pageSize) && !(int.TryParse(pageSize.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 && size <= maxSize))
        {
            errors["pageSize"] = [string.Create(CultureInfo.InvariantCulture, $"pageSize: give a page size from 1 to {maxSize}.")];
            size = defaultSize;
        }

        return new Paging(p, size);
    }

    /// <summary>This page of <paramref name="all"/>, converting only the items it holds.</summary>
    /// <param name="filters">The query parameters the next link carries over (only the endpoint's own, already validated).</param>
    public ListPage<TOut> Of<TIn, TOut>(IReadOnlyList<TIn> all, Func<TIn, TOut> convert, HttpRequest request, params string[] filters)
    {
        ArgumentNullException.ThrowIfNull(all);
        var items = all.Skip(Skip).Take(PageSize).Select(convert).ToArray();
        return new ListPage<TOut>(items, Page, PageSize, all.Count, NextLink(all.Count, request, filters));
    }

    /// <summary>A page read already (<paramref name="items"/>) out of <paramref name="total"/>.</summary>
    public ListPage<T> Of<T>(IReadOnlyList<T> items, int total, HttpRequest request, params string[] filters) => new(items, Page, PageSize, total, NextLink(total, request, filters));

    /// <summary>The request's own path and filters with the next page number, or null after the last page.</summary>
    private string? NextLink(int total, HttpRequest request, string[] filters)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((long)Page * PageSize >= total)
        {
            return null;
        }

        var query = request.Query
            .Where(q => filters.Contains(q.Key, StringComparer.Ordinal))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("page", (Page + 1).ToString(CultureInfo.InvariantCulture)))
            .Append(new("pageSize", PageSize.ToString(CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }
}

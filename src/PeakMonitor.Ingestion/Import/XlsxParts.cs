using System.Xml;

namespace PeakMonitor.Ingestion.Import;

/// <summary>
/// Where a workbook's first sheet and shared strings are: through the package relationships to the
/// workbook part, its first <c>sheet</c>, and the workbook's relationships (ECMA-376 part 2, §9.3; part 1,
/// §18.2). Every part is read with the same depth-checked reader as the sheet.
/// </summary>
internal static class XlsxParts
{
    /// <summary>The first sheet and the shared-string table, through the package and workbook relationships.</summary>
    public static (string Sheet, string? Shared) Locate(XlsxPackage package, ReadLimits limits)
    {
        var rootRelations = Relationships(package, "_rels/.rels", string.Empty, limits);
        var workbook = rootRelations.Values.FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target
            ?? (package.Has("xl/workbook.xml") ? "xl/workbook.xml" : throw new InvalidDataException("the workbook has no workbook part"));
        var folder = workbook.Contains('/', StringComparison.Ordinal) ? workbook[..(workbook.LastIndexOf('/') + 1)] : string.Empty;
        var relations = Relationships(package, $"{folder}_rels/{workbook[folder.Length..]}.rels", folder, limits);
        var firstSheetId = FirstSheetRelationId(package, workbook, limits) ?? throw new InvalidDataException("the workbook has no worksheet");
        var sheet = relations.TryGetValue(firstSheetId, out var s) ? s.Target : throw new InvalidDataException($"the workbook's first sheet refers to relationship {firstSheetId}, which it does not define");
        var shared = relations.Values.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target;
        return (sheet, shared);
    }

    private static Dictionary<string, (string Type, string Target)> Relationships(XlsxPackage package, string part, string folder, ReadLimits limits)
    {
        var map = new Dictionary<string, (string Type, string Target)>(StringComparer.Ordinal);
        using var xml = package.OpenXml(part);
        if (xml is null)
        {
            return map;
        }

        while (XlsxRows.Next(xml, limits, 0, "-"))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("TargetMode") != "External"
                && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Type") is { } type && xml.GetAttribute("Target") is { } target)
            {
                map.TryAdd(id, (type, Resolve(folder, target)));
                if (map.Count > 10_000)
                {
                    throw limits.Refuse(0, "-", $"{part} defines more than 10,000 relationships: not a workbook");
                }
            }
        }

        return map;
    }

    /// <summary>The relationship id of the first <c>sheet</c> of <c>workbook/sheets</c>.</summary>
    private static string? FirstSheetRelationId(XlsxPackage package, string workbook, ReadLimits limits)
    {
        using var xml = package.OpenXml(workbook) ?? throw new InvalidDataException($"the workbook part {workbook} is missing");
        while (XlsxRows.Next(xml, limits, 0, "-"))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
            {
                // r:id, in the Transitional or the Strict relationships namespace.
                for (var more = xml.MoveToFirstAttribute(); more; more = xml.MoveToNextAttribute())
                {
                    if (xml.LocalName == "id" && xml.NamespaceURI.EndsWith("/relationships", StringComparison.Ordinal))
                    {
                        return xml.Value;
                    }
                }

                return null;
            }
        }

        return null;
    }

    /// <summary>A relationship target as a part name: relative to the source part's folder, or absolute with a leading '/'.</summary>
    private static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts);
    }
}

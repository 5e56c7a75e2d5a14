using System.Text.Json;

namespace AeSweep.Core.Definitions.Stored;

/// <summary>
/// The form a sweep definition is stored in: a versioned JSON document, written once at submission from a definition
/// the sweep-file validator accepted, and read back without the validator's user-input rules (bounds, known names,
/// program policy). Tightening a rule for new sweep files therefore never makes a stored sweep unreadable; only a
/// document whose structure cannot be understood is refused, with the field named.
/// </summary>
/// <remarks>
/// Version 1 has no <c>document_version</c> field: it is what <see cref="SweepDefinitionJsonWriter"/> wrote before
/// versions existed, read with the defaults it relied on pinned. Version 2 (<see cref="CurrentVersion"/>) spells
/// every value out. The <c>execution</c> section was added to version 2 as an optional field: a document without it
/// reads with the cadence pinned in the reader.
/// </remarks>
public static class StoredSweepDocument
{
    /// <summary>The version <see cref="Write"/> produces.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The field that carries the version (absent in version 1).</summary>
    public const string VersionField = "document_version";

    /// <summary>Writes <paramref name="definition"/> as a document of the current version (indented JSON).</summary>
    public static string Write(SweepDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return StoredSweepDocumentWriter.Write(definition);
    }

    /// <summary>Reads a stored document of any version this build knows.</summary>
    /// <exception cref="StoredSweepDocumentException">The text is not a stored sweep document this build can understand.</exception>
    public static SweepDefinition Read(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text ?? string.Empty);
        }
        catch (JsonException ex)
        {
            throw new StoredSweepDocumentException(StoredSweepDocumentException.DocumentField, $"is not JSON ({ex.Message})", ex);
        }

        using (document)
        {
            var root = new StoredField(document.RootElement, string.Empty);
            var version = root.Optional(VersionField) is { } field ? field.Int() : 1;
            if (version is < 1 or > CurrentVersion)
            {
                throw new StoredSweepDocumentException(VersionField,
                    $"is {version}; this build reads versions 1 to {CurrentVersion} (a newer AeSweep wrote it)");
            }

            return StoredSweepDocumentReader.Read(root, version);
        }
    }

    /// <summary>Reads a stored document, or gives null when it cannot be understood (for views that show what they can).</summary>
    public static SweepDefinition? ReadOrNull(string? text)
    {
        try
        {
            return text is null ? null : Read(text);
        }
        catch (StoredSweepDocumentException)
        {
            return null;
        }
    }
}

using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AeSweep.Core.Definitions.Documents;

/// <summary>
/// Reads YAML or JSON text into a <see cref="DocNode"/> tree without recursion, so no input — deeply
/// nested, huge, binary or an alias bomb — can overflow the stack or exhaust memory.
/// </summary>
internal static class SweepDocumentReader
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxDepth = 64;
    public const long MaxExpandedNodes = 100_000;

    // Only the core schema's tags: anything else (!!python/object, custom tags) asks for behaviour a sweep file must not have.
    private static readonly HashSet<string> StandardTags = new(StringComparer.Ordinal)
    {
        "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
    };

    public static DocNode? Read(string text, List<ValidationError> errors)
    {
        if (text.Length > MaxBytes)
        {
            errors.Add(new(ValidationError.FilePath, null, $"the file is {text.Length:N0} characters; sweep files are limited to {MaxBytes:N0}"));
            return null;
        }

        var controlAt = IndexOfDisallowedControl(text);
        if (controlAt >= 0)
        {
            var line = 1 + text.AsSpan(0, controlAt).Count('\n');
            errors.Add(new(ValidationError.FilePath, line, "the file contains binary or control characters; a sweep file is YAML or JSON text"));
            return null;
        }

        // JSON is YAML, except that YAML forbids tabs as indentation; JSON strings cannot hold a raw tab, so replacing them is safe.
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] is '{' or '[')
        {
            text = text.Replace('\t', ' ');
        }

        var parser = new Parser(new StringReader(text));
        try
        {
            return Build(parser, errors);
        }
        catch (YamlException ex)
        {
            errors.Add(new(ValidationError.FilePath, (int)ex.Start.Line, $"syntax error at line {ex.Start.Line}, column {ex.Start.Column}: {Describe(ex)}"));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException)
        {
            // YamlDotNet's scanner throws these on some malformed flow collections instead of a YamlException;
            // the end of the last event it did read is the nearest known place.
            var near = parser.Current is { } last ? $" near line {last.End.Line}, column {last.End.Column}" : string.Empty;
            errors.Add(new(ValidationError.FilePath, parser.Current is { } at ? (int)at.End.Line : null,
                $"syntax error{near}: the YAML could not be parsed; look for an unclosed bracket, brace or quote"));
            return null;
        }
    }

    private static DocNode? Build(Parser parser, List<ValidationError> errors)
    {
        var anchors = new Dictionary<string, DocNode>(StringComparer.Ordinal);
        var stack = new Stack<(DocNode Node, DocScalar? PendingKey, string? Anchor)>();
        DocNode? root = null;
        var documents = 0;
        long total = 0;

        while (parser.MoveNext())
        {
            var current = parser.Current!;
            switch (current)
            {
                case DocumentStart:
                    documents++;
                    if (documents > 1)
                    {
                        errors.Add(new(ValidationError.FilePath, (int)current.Start.Line, "the file holds more than one YAML document; a sweep file is one document"));
                        return null;
                    }

                    break;
                case Scalar scalar:
                    if (!CheckTag(scalar, errors))
                    {
                        return null;
                    }

                    var quoted = scalar.Style is not ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str");
                    var node = new DocScalar((int)scalar.Start.Line, scalar.Value, quoted);
                    if (!Attach(node, scalar.Anchor, stack, anchors, ref root, ref total, errors))
                    {
                        return null;
                    }

                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        errors.Add(new(ValidationError.FilePath, (int)alias.Start.Line, $"alias *{alias.Value.Value} refers to no anchor defined before it"));
                        return null;
                    }

                    if (!Attach(target, AnchorName.Empty, stack, anchors, ref root, ref total, errors, isAlias: true))
                    {
                        return null;
                    }

                    break;
                case MappingStart mappingStart:
                    if (!CheckTag(mappingStart, errors) || !CheckDepth(stack.Count, mappingStart, errors))
                    {
                        return null;
                    }

                    stack.Push((new DocMapping((int)mappingStart.Start.Line), null, mappingStart.Anchor.IsEmpty ? null : mappingStart.Anchor.Value));
                    break;
                case SequenceStart sequenceStart:
                    if (!CheckTag(sequenceStart, errors) || !CheckDepth(stack.Count, sequenceStart, errors))
                    {
                        return null;
                    }

                    stack.Push((new DocSequence((int)sequenceStart.Start.Line), null, sequenceStart.Anchor.IsEmpty ? null : sequenceStart.Anchor.Value));
                    break;
                case MappingEnd or SequenceEnd:
                    var (finished, _, anchor) = stack.Pop();
                    if (!Attach(finished, anchor is null ? AnchorName.Empty : new AnchorName(anchor), stack, anchors, ref root, ref total, errors))
                    {
                        return null;
                    }

                    break;
            }
        }

        return root;
    }

    private static bool Attach(
        DocNode node,
        AnchorName anchor,
        Stack<(DocNode Node, DocScalar? PendingKey, string? Anchor)> stack,
        Dictionary<string, DocNode> anchors,
        ref DocNode? root,
        ref long total,
        List<ValidationError> errors,
        bool isAlias = false)
    {
        // Children were counted as they were attached; an alias adds its whole subtree again.
        total += isAlias ? node.ExpandedSize : 1;
        if (total > MaxExpandedNodes)
        {
            errors.Add(new(ValidationError.FilePath, node.Line, $"the document expands to more than {MaxExpandedNodes:N0} nodes (an alias bomb or far too large a file)"));
            return false;
        }

        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }

        if (stack.Count == 0)
        {
            root = node;
            return true;
        }

        var (parent, pendingKey, parentAnchor) = stack.Pop();
        parent.ExpandedSize += node.ExpandedSize;
        if (parent is DocSequence sequence)
        {
            sequence.Items.Add(node);
            stack.Push((parent, null, parentAnchor));
            return true;
        }

        var mapping = (DocMapping)parent;
        if (pendingKey is null)
        {
            if (node is not DocScalar key)
            {
                errors.Add(new(ValidationError.FilePath, node.Line, "mapping keys must be plain names, not lists or mappings"));
                return false;
            }

            stack.Push((parent, key, parentAnchor));
            return true;
        }

        if (pendingKey.Text == "<<" && !pendingKey.Quoted)
        {
            Merge(mapping, node);
        }
        else if (mapping.MergedKeys.Remove(pendingKey.Text))
        {
            // A key set in the mapping itself overrides the same key brought in by a merge.
            mapping.Entries.RemoveAll(e => e.Key.Text == pendingKey.Text);
            mapping.Entries.Add(new(pendingKey, node));
        }
        else if (mapping.ContainsKey(pendingKey.Text))
        {
            errors.Add(new(ValidationError.FilePath, pendingKey.Line, $"duplicate key '{pendingKey.Text}'"));
            return false;
        }
        else
        {
            mapping.Entries.Add(new(pendingKey, node));
        }

        stack.Push((parent, null, parentAnchor));
        return true;
    }

    // YAML merge keys (<<: *base) copy entries the mapping does not set itself.
    private static void Merge(DocMapping into, DocNode source)
    {
        var sources = source is DocSequence list ? list.Items : [source];
        foreach (var item in sources.OfType<DocMapping>())
        {
            foreach (var entry in item.Entries.Where(e => !into.ContainsKey(e.Key.Text)))
            {
                into.Entries.Add(entry);
                into.MergedKeys.Add(entry.Key.Text);
            }
        }
    }

    private static bool CheckDepth(int depth, ParsingEvent at, List<ValidationError> errors)
    {
        if (depth < MaxDepth)
        {
            return true;
        }

        errors.Add(new(ValidationError.FilePath, (int)at.Start.Line, $"the document nests deeper than {MaxDepth} levels"));
        return false;
    }

    private static bool CheckTag(NodeEvent node, List<ValidationError> errors)
    {
        if (node.Tag.IsEmpty || node.Tag.IsNonSpecific || StandardTags.Contains(node.Tag.Value))
        {
            return true;
        }

        errors.Add(new(ValidationError.FilePath, (int)node.Start.Line, $"YAML tag '{node.Tag.Value}' is not supported in sweep files"));
        return false;
    }

    private static int IndexOfDisallowedControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c < ' ' && c is not '\n' and not '\r' and not '\t') || c == '\uFFFD' || c == '\u007F')
            {
                return i;
            }
        }

        return -1;
    }

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes "(Line: a, Col: b, Idx: c) - (Line: ...): "; the line is reported separately.
        var message = ex.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}

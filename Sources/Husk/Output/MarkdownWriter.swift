/// YAML front matter with the metadata, then the article as Markdown: headings, list items
/// and quotes keep their markers.
public struct MarkdownWriter: DocumentWriter {
    public init() {}

    public func header(_ metadata: Metadata) -> String {
        var out = "---\n"
        for (key, value) in metadata.fields {
            if key == "author" {
                out += "author: " + Self.yaml(value) + "\n"
                out += "authors: [" + metadata.authors.map(Self.yaml).joined(separator: ", ") + "]\n"
            } else if key == "tags" {
                out += "tags: [" + metadata.tags.map(Self.yaml).joined(separator: ", ") + "]\n"
            } else {
                out += key + ": " + Self.yaml(value) + "\n"
            }
        }
        return out + "---\n\n"
    }

    public func paragraph(_ paragraph: Paragraph, first: Bool) -> String {
        let body: String
        switch paragraph.kind {
        case .heading: body = String(repeating: "#", count: max(1, min(6, paragraph.level))) + " " + paragraph.text
        case .listItem: body = String(repeating: "  ", count: min(paragraph.level, 4)) + "- " + paragraph.text
        case .quote: body = "> " + paragraph.text
        case .tableRow: body = "| " + paragraph.text + " |"
        case .paragraph: body = paragraph.text
        }
        return (first ? "" : "\n") + body + "\n"
    }

    /// A double-quoted YAML scalar (JSON strings are valid YAML).
    static func yaml(_ s: String) -> String { JSONWriter.string(s) }
}

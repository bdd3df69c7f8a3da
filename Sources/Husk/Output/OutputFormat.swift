/// The output formats Husk writes.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// `Key: value` headers, a blank line, then one paragraph per line with blank lines between.
    case text
    /// One JSON object per document on one line: metadata keys, `text` and `paragraphs`.
    case json
    /// YAML front matter, then the article as Markdown (headings and lists kept).
    case markdown

    /// File extension for outputs written to a directory.
    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .json: return "json"
        case .markdown: return "md"
        }
    }

    /// The writer for this format.
    public var writer: any DocumentWriter {
        switch self {
        case .text: return TextWriter()
        case .json: return JSONWriter()
        case .markdown: return MarkdownWriter()
        }
    }
}

/// Renders a cleaned document. Writers that can stream split it into a header and paragraphs.
public protocol DocumentWriter: Sendable {
    /// The part before the first paragraph.
    func header(_ metadata: Metadata) -> String
    /// One paragraph; `first` tells whether it is the document's first.
    func paragraph(_ paragraph: Paragraph, first: Bool) -> String
    /// The part after the last paragraph.
    func footer() -> String
    /// The whole document.
    func render(_ document: CleanedDocument) -> String
}

extension DocumentWriter {
    public func render(_ document: CleanedDocument) -> String {
        var out = header(document.metadata)
        for (k, p) in document.paragraphs.enumerated() { out += paragraph(p, first: k == 0) }
        return out + footer()
    }

    public func footer() -> String { "" }
}

/// The default format: `Key: value` header lines, one blank line, then paragraphs separated by blank lines.
public struct TextWriter: DocumentWriter {
    public init() {}

    public func header(_ metadata: Metadata) -> String {
        let fields = metadata.fields
        guard !fields.isEmpty else { return "" }
        var out = ""
        for (key, value) in fields {
            out += Self.headerName(key) + ": " + value.replacingNewlines + "\n"
        }
        return out + "\n"
    }

    public func paragraph(_ paragraph: Paragraph, first: Bool) -> String {
        (first ? "" : "\n") + paragraph.text + "\n"
    }

    static func headerName(_ key: String) -> String {
        switch key {
        case "sitename": return "Sitename"
        default: return key.prefix(1).uppercased() + key.dropFirst()
        }
    }
}

extension String {
    var replacingNewlines: String {
        String(unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : Character($0) })
    }
}

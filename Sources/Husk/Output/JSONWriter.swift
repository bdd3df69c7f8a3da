/// One JSON object per document, on one line: every metadata key (null when unknown), `text`
/// (paragraphs joined by blank lines) and `paragraphs`. One line per document makes many
/// documents JSON Lines.
public struct JSONWriter: DocumentWriter {
    public init() {}

    public func header(_ metadata: Metadata) -> String {
        var out = "{"
        out += Self.pair("title", metadata.title) + ","
        out += Self.pair("author", metadata.author) + ","
        out += "\"authors\":" + Self.array(metadata.authors) + ","
        out += Self.pair("date", metadata.date) + ","
        out += Self.pair("updated", metadata.updated) + ","
        out += Self.pair("sitename", metadata.sitename) + ","
        out += Self.pair("source", metadata.source) + ","
        out += Self.pair("language", metadata.language) + ","
        out += "\"tags\":" + Self.array(metadata.tags) + ","
        out += Self.pair("description", metadata.description) + ","
        out += Self.pair("url", metadata.url) + ","
        return out
    }

    public func paragraph(_ paragraph: Paragraph, first: Bool) -> String { "" }

    /// The metadata alone as one JSON object (every key, null when unknown), for JSONL records.
    public func metadataObject(_ metadata: Metadata) -> String {
        String(header(metadata).dropLast()) + "}"
    }

    public func render(_ document: CleanedDocument) -> String {
        renderObject(document, extra: "") + "\n"
    }

    /// The object without a trailing newline; `extra` is inserted first (already-encoded `"key":value,` pairs).
    public func renderObject(_ document: CleanedDocument, extra: String) -> String {
        var out = header(document.metadata)
        if !extra.isEmpty { out = "{" + extra + out.dropFirst() }
        out += "\"text\":" + Self.string(document.text) + ","
        out += "\"paragraphs\":" + Self.array(document.paragraphs.map(\.text))
        return out + "}"
    }

    static func pair(_ key: String, _ value: String?) -> String {
        "\"\(key)\":" + (value.map(string) ?? "null")
    }

    static func array(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ",") + "]"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; UTF-8 kept as is.
    public static func string(_ s: String) -> String {
        var out: [UInt8] = [0x22]
        out.reserveCapacity(s.utf8.count + 2)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        for b in s.utf8 {
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x00..<0x20:
                out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: out.append(b)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }
}

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

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string literal: quotes, backslashes and control characters escaped; UTF-8 kept as is.
    public static func string(_ s: String) -> String {
        var out: [UInt8] = [0x22]
        out.reserveCapacity(s.utf8.count + 2)
        var text = s
        text.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied whole.
            var run = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                run = i + 1
                out.append(0x5C)
                switch b {
                case 0x22, 0x5C: out.append(b)
                case 0x0A: out.append(0x6E)
                case 0x0D: out.append(0x72)
                case 0x09: out.append(0x74)
                default:
                    out.append(contentsOf: [0x75, 0x30, 0x30])
                    out.append(hexDigits[Int(b >> 4)])
                    out.append(hexDigits[Int(b & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }
}

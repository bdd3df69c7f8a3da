/// One WARC record: its headers and content (the HTTP headers of a response already removed).
public struct WARCRecord: Sendable {
    /// `WARC-Type`: `conversion`, `response`, `warcinfo`, `request`, `metadata`...
    public var type: String
    public var headers: [(name: String, value: String)]
    /// Byte offset of the record's first line in the (decompressed) stream.
    public var offset: Int
    public var content: [UInt8]
    /// True when the content is HTML (a response record), which the reader turns into text.
    public var isHTML: Bool

    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    public var targetURI: String? { header("WARC-Target-URI") }
    public var date: String? { header("WARC-Date") }
    public var recordID: String? { header("WARC-Record-ID") }
}

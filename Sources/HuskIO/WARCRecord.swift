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
    /// A response's HTTP status code and content type (nil for other records).
    public var httpStatus: Int? = nil
    public var httpContentType: String? = nil

    /// Why a response is not a document (an error page, an image...), or nil when it is one.
    public var responseProblem: String? {
        guard type == "response" else { return nil }
        if let status = httpStatus, !(200..<300).contains(status) { return "response-http-\(status)" }
        if let type = httpContentType, !(type.hasPrefix("text/") || type.contains("html") || type.contains("xml")) {
            return "response-" + (type.split(separator: ";").first.map(String.init) ?? type)
        }
        return nil
    }

    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    /// `WARC-Target-URI`, without the angle brackets WARC 1.0 writers (wget) put around it.
    public var targetURI: String? {
        guard var uri = header("WARC-Target-URI") else { return nil }
        if uri.hasPrefix("<") && uri.hasSuffix(">") && uri.count >= 2 { uri = String(uri.dropFirst().dropLast()) }
        return uri
    }
    public var date: String? { header("WARC-Date") }
    public var recordID: String? { header("WARC-Record-ID") }
}

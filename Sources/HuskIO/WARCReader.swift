/// Reads WARC records one by one from a (possibly gzip-decompressed) byte source.
///
/// Memory is bounded by `maximumRecordBytes`: larger records are skipped, not loaded. A record
/// whose `Content-Length` lies is reported and the reader resynchronises at the next `WARC/` line.
public final class WARCReader {
    private let reader: BufferedReader
    private let path: String
    public let maximumRecordBytes: Int
    /// Problems met and passed over (oversized records, resynchronisations), in order.
    public private(set) var warnings: [IOError] = []

    static let headerLineLimit = 1 << 16
    static let headerLimit = 1 << 20

    public init(_ source: ByteSource, path: String, maximumRecordBytes: Int = 64 << 20) {
        reader = BufferedReader(source)
        self.path = path
        self.maximumRecordBytes = maximumRecordBytes
    }

    /// The next record of any type, or nil at the end. Throws only when the stream cannot go on.
    public func next() throws(IOError) -> WARCRecord? {
        // Find the version line, skipping blank lines between records.
        var line: [UInt8]
        var skipped = 0
        let searchStart = reader.offset
        var offset = searchStart
        repeat {
            offset = reader.offset
            guard let l = try readLine() else {
                if skipped > 0 { warn(searchStart, "\(skipped) lines of stray data before the end") }
                return nil
            }
            line = l
            if !line.isEmpty && !Self.isVersionLine(line) { skipped += 1 }
        } while !Self.isVersionLine(line)
        if skipped > 0 {
            warn(searchStart, "record length did not match its content; skipped \(skipped) lines to the next record")
        }
        var headers: [(name: String, value: String)] = []
        var headerBytes = 0
        while let l = try readLine(), !l.isEmpty {
            headerBytes += l.count
            if headerBytes > Self.headerLimit {
                throw IOError(path: path, position: "byte \(offset)", message: "WARC headers longer than \(Self.headerLimit) bytes")
            }
            guard let colon = l.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: l[..<colon], as: UTF8.self).trimmingSpaces
            let value = String(decoding: l[(colon + 1)...], as: UTF8.self).trimmingSpaces
            headers.append((name, value))
        }
        let lengthText = headers.first { $0.name.lowercased() == "content-length" }?.value ?? ""
        guard let length = Int(lengthText), length >= 0 else {
            throw IOError(path: path, position: "byte \(offset)", message: "WARC record without a valid Content-Length")
        }
        let type = headers.first { $0.name.lowercased() == "warc-type" }?.value ?? ""
        var content: [UInt8] = []
        let keep = length <= maximumRecordBytes && (type == "conversion" || type == "response" || type == "resource")
        if keep { content.reserveCapacity(length) }
        let got = try readContent(length) { piece in if keep { content.append(contentsOf: piece) } }
        if got < length {
            throw IOError(
                path: path, position: "byte \(offset)",
                message: "record ends early: Content-Length says \(length) bytes, only \(got) remain")
        }
        if length > maximumRecordBytes {
            warn(offset, "record of \(length) bytes skipped (limit \(maximumRecordBytes))")
        }
        var record = WARCRecord(type: type, headers: headers, offset: offset, content: content, isHTML: false)
        if type == "response" { Self.unwrapHTTP(&record) }
        return record
    }

    private func readLine() throws(IOError) -> [UInt8]? {
        do {
            return try reader.readLine(limit: Self.headerLineLimit)
        } catch {
            throw IOError(path: path, position: error.position, message: error.message)
        }
    }

    private func readContent(_ count: Int, _ body: (ArraySlice<UInt8>) -> Void) throws(IOError) -> Int {
        do {
            return try reader.read(count: count, body)
        } catch {
            throw IOError(path: path, position: error.position, message: error.message)
        }
    }

    private func warn(_ offset: Int, _ message: String) {
        if warnings.count < 1000 { warnings.append(IOError(path: path, position: "byte \(offset)", message: message)) }
    }

    static func isVersionLine(_ line: [UInt8]) -> Bool {
        line.count >= 6 && line.starts(with: "WARC/".utf8)
    }

    /// Drops a response's HTTP status line and headers, noting whether the body is HTML.
    static func unwrapHTTP(_ record: inout WARCRecord) {
        let c = record.content
        guard c.starts(with: "HTTP/".utf8) else { return }
        var i = 0
        var headerText: [UInt8] = []
        while i + 1 < c.count {
            if c[i] == 0x0A && c[i + 1] == 0x0A { i += 2; break }
            if i + 3 < c.count && c[i] == 0x0D && c[i + 1] == 0x0A && c[i + 2] == 0x0D && c[i + 3] == 0x0A { i += 4; break }
            i += 1
        }
        headerText = Array(c[0..<min(i, c.count)])
        let lower = String(decoding: headerText, as: UTF8.self).lowercased()
        let lines = lower.split(whereSeparator: { $0 == "\r" || $0 == "\n" })
        if let status = lines.first?.split(separator: " ").dropFirst().first { record.httpStatus = Int(status) }
        if let line = lines.first(where: { $0.hasPrefix("content-type:") }) {
            record.httpContentType = String(line.dropFirst("content-type:".count)).trimmingSpaces
        }
        let type = record.httpContentType ?? "text/html"
        record.isHTML = type.contains("html") || type.contains("xml")
        record.content = Array(c[min(i, c.count)...])
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}

/// One JSONL line parsed just enough to replace a field and keep every other byte as it was.
///
/// Data pipelines (datatrove, Dolma) carry ids, URLs and metadata Husk must not disturb, and
/// re-encoding numbers or key order through a generic JSON library would. This scanner validates
/// the whole line as JSON but keeps members as raw byte ranges.
public struct JSONObjectLine {
    /// A top-level member: its decoded key and where its value's bytes are in `bytes`.
    public struct Member {
        public var key: String
        /// From the key's opening quote to the end of the value.
        public var range: Range<Int>
        public var value: Range<Int>
    }

    public let bytes: [UInt8]
    public private(set) var members: [Member] = []

    /// Nesting deeper than this is refused rather than recursed into.
    public static let maximumDepth = 256

    /// Parses `bytes` (one line, without its newline); throws a message with the column on bad JSON.
    public init(_ bytes: [UInt8]) throws(JSONLineError) {
        self.bytes = bytes
        var scanner = JSONScanner(bytes: bytes)
        scanner.skipSpace()
        guard scanner.peek == UInt8(ascii: "{") else { throw scanner.error("expected a JSON object") }
        scanner.position += 1
        scanner.skipSpace()
        if scanner.peek == UInt8(ascii: "}") {
            scanner.position += 1
        } else {
            while true {
                scanner.skipSpace()
                let start = scanner.position
                guard scanner.peek == UInt8(ascii: "\"") else { throw scanner.error("expected a key") }
                let key = try scanner.readString()
                scanner.skipSpace()
                guard scanner.peek == UInt8(ascii: ":") else { throw scanner.error("expected ':'") }
                scanner.position += 1
                scanner.skipSpace()
                let valueStart = scanner.position
                try scanner.skipValue(depth: 1)
                members.append(Member(key: key, range: start..<scanner.position, value: valueStart..<scanner.position))
                scanner.skipSpace()
                if scanner.peek == UInt8(ascii: ",") {
                    scanner.position += 1
                    continue
                }
                guard scanner.peek == UInt8(ascii: "}") else { throw scanner.error("expected ',' or '}'") }
                scanner.position += 1
                break
            }
        }
        scanner.skipSpace()
        guard scanner.position == bytes.count else { throw scanner.error("unexpected text after the object") }
    }

    /// The member named `key` (the last one, as most JSON parsers do with duplicates).
    public func member(_ key: String) -> Member? {
        members.last { $0.key == key }
    }

    /// The string value of `key`; nil when absent or null; an error when it is not a string.
    public func string(_ key: String) throws(JSONLineError) -> String? {
        guard let m = member(key) else { return nil }
        if bytes[m.value.lowerBound] == UInt8(ascii: "n") { return nil }
        guard bytes[m.value.lowerBound] == UInt8(ascii: "\"") else {
            throw JSONLineError(column: m.value.lowerBound + 1, message: "\"\(key)\" is not a string")
        }
        var scanner = JSONScanner(bytes: bytes)
        scanner.position = m.value.lowerBound
        return try scanner.readString()
    }

    /// The line with `replacements` (key → already-encoded JSON value) applied in place, and
    /// members for keys not present appended at the end, in the order given.
    public func rewritten(_ replacements: [(key: String, json: String)]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var done = Set<String>()
        var cursor = 0
        for m in members {
            guard let r = replacements.last(where: { $0.key == m.key }) else { continue }
            out.append(contentsOf: bytes[cursor..<m.value.lowerBound])
            out.append(contentsOf: r.json.utf8)
            cursor = m.value.upperBound
            done.insert(m.key)
        }
        // Up to the closing brace, then the new members.
        var end = bytes.count - 1
        while end > cursor && bytes[end] != UInt8(ascii: "}") { end -= 1 }
        out.append(contentsOf: bytes[cursor..<end])
        var needComma = !members.isEmpty
        for r in replacements where !done.contains(r.key) {
            done.insert(r.key)
            if needComma { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: "\"\(r.key)\":".utf8)
            out.append(contentsOf: r.json.utf8)
            needComma = true
        }
        out.append(contentsOf: bytes[end...])
        return out
    }
}

/// Why a JSONL line could not be read, with the 1-based column.
public struct JSONLineError: Error, Sendable, CustomStringConvertible {
    public var column: Int
    public var message: String
    public var description: String { "column \(column): \(message)" }
}

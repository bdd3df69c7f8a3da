/// Byte-level JSON reading for `JSONObjectLine`: strings decoded, other values validated and skipped.
struct JSONScanner {
    let bytes: [UInt8]
    var position = 0

    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    func error(_ message: String) -> JSONLineError {
        JSONLineError(column: position + 1, message: message)
    }

    mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Skips one value of any kind, refusing nesting beyond `JSONObjectLine.maximumDepth`.
    mutating func skipValue(depth: Int) throws(JSONLineError) {
        guard depth <= JSONObjectLine.maximumDepth else { throw error("nested too deeply") }
        guard let c = peek else { throw error("expected a value") }
        switch c {
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = c == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            position += 1
            skipSpace()
            if peek == close {
                position += 1
                return
            }
            while true {
                skipSpace()
                if c == UInt8(ascii: "{") {
                    guard peek == UInt8(ascii: "\"") else { throw error("expected a key") }
                    try skipString()
                    skipSpace()
                    guard peek == UInt8(ascii: ":") else { throw error("expected ':'") }
                    position += 1
                    skipSpace()
                }
                try skipValue(depth: depth + 1)
                skipSpace()
                if peek == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                guard peek == close else { throw error("expected ',' or '\(Character(Unicode.Scalar(close)))'") }
                position += 1
                return
            }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try skipNumber()
        default:
            throw error("unexpected character")
        }
    }

    private mutating func literal(_ word: String) throws(JSONLineError) {
        for b in word.utf8 {
            guard peek == b else { throw error("invalid literal") }
            position += 1
        }
    }

    private mutating func skipNumber() throws(JSONLineError) {
        let start = position
        if peek == UInt8(ascii: "-") { position += 1 }
        var digits = 0
        func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        while isDigit(peek) { position += 1; digits += 1 }
        if peek == UInt8(ascii: ".") {
            position += 1
            guard isDigit(peek) else { throw error("invalid number") }
            while isDigit(peek) { position += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            position += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
            guard isDigit(peek) else { throw error("invalid number") }
            while isDigit(peek) { position += 1 }
        }
        if digits == 0 {
            position = start
            throw error("invalid number")
        }
    }

    private mutating func skipString() throws(JSONLineError) {
        position += 1
        while let c = peek {
            position += 1
            if c == UInt8(ascii: "\"") { return }
            if c == UInt8(ascii: "\\") {
                guard peek != nil else { break }
                position += 1
            } else if c < 0x20 {
                position -= 1
                throw error("control character in a string")
            }
        }
        throw error("unterminated string")
    }

    /// Reads a string at the current quote, decoding escapes; lone surrogates become U+FFFD.
    mutating func readString() throws(JSONLineError) -> String {
        position += 1
        var out: [UInt8] = []
        var runStart = position
        while let c = peek {
            if c == UInt8(ascii: "\"") {
                out.append(contentsOf: bytes[runStart..<position])
                position += 1
                return String(decoding: out, as: UTF8.self)
            }
            if c < 0x20 { throw error("control character in a string") }
            if c != UInt8(ascii: "\\") {
                position += 1
                continue
            }
            out.append(contentsOf: bytes[runStart..<position])
            position += 1
            guard let e = peek else { break }
            position += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), peek == UInt8(ascii: "\\"),
                    position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u")
                {
                    let save = position
                    position += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        position = save
                    }
                }
                let value = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: String(Character(value)).utf8)
            default:
                position -= 1
                throw error("invalid escape")
            }
            runStart = position
        }
        throw error("unterminated string")
    }

    private mutating func hex4() throws(JSONLineError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let c = peek else { throw error("invalid \\u escape") }
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw error("invalid \\u escape")
            }
            v = v * 16 + d
            position += 1
        }
        return v
    }
}

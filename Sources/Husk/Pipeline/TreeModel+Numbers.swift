#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading the model file's records and numbers on bytes: the model has thousands of lines and
/// is read at every start-up.
extension TreeModel {
    /// A line's first token.
    enum Record {
        case version, features, bias, tree, node, leaf, end, unknown

        init(_ head: Slice<UnsafeBufferPointer<UInt8>>) {
            // Nodes and leaves are nearly every line: one byte decides them.
            if head.count == 1 {
                switch head[head.startIndex] {
                case 0x6E: self = .node  // n
                case 0x6C: self = .leaf  // l
                default: self = .unknown
                }
                return
            }
            func equals(_ word: StaticString) -> Bool {
                word.withUTF8Buffer { head.elementsEqual($0) }
            }
            if equals("tree") {
                self = .tree
            } else if equals("end") {
                self = .end
            } else if equals("features") {
                self = .features
            } else if equals("bias") {
                self = .bias
            } else if equals("husk-gbt") {
                self = .version
            } else {
                self = .unknown
            }
        }
    }

    /// A decimal integer (optional sign), or nil.
    static func parseInt(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int32? {
        var value: Int64 = 0
        var negative = false
        var digits = 0
        for (k, b) in bytes.enumerated() {
            if k == 0 && (b == 0x2D || b == 0x2B) {
                negative = b == 0x2D
                continue
            }
            guard b >= 0x30 && b <= 0x39, digits < 10 else { return nil }
            value = value * 10 + Int64(b - 0x30)
            digits += 1
        }
        guard digits > 0 else { return nil }
        return Int32(exactly: negative ? -value : value)
    }

    /// A whole token as a Float, the nearest to its decimal value as `strtof` (and `Float(String)`)
    /// gives it; nil unless it all parses.
    static func parseFloat(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Float? {
        if let sure = nearestFloat(bytes) { return sure }
        return parse(bytes) { strtof($0, $1) }
    }

    /// Powers of ten that a Double holds exactly.
    private static let exactPowersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    /// The nearest Float to a plain decimal token (`-0.12091837078332901`, `15.5`, `1.5e-05`),
    /// found in Double arithmetic, or nil when that cannot be sure of it.
    ///
    /// The C library's `strtof` costs about a thousand instructions a number, and the model has
    /// thousands. With at most 19 significant digits and a power of ten a Double holds exactly,
    /// one conversion and one multiply or divide land within a few units in the last place of
    /// the exact value. Rounding that to Float gives the same Float as rounding the exact value,
    /// unless the Double sits near the midpoint between two Floats: then nil, and the caller
    /// asks `strtof`. Zeros, subnormals and huge values also go to `strtof`.
    static func nearestFloat(_ token: Slice<UnsafeBufferPointer<UInt8>>) -> Float? {
        let bytes = UnsafeBufferPointer(rebasing: token)
        var i = 0
        let end = bytes.count
        guard i < end else { return nil }
        var negative = false
        if bytes[i] == 0x2D || bytes[i] == 0x2B {
            negative = bytes[i] == 0x2D
            i &+= 1
        }
        var significand: UInt64 = 0
        var significant = 0
        var exponent = 0
        var sawDigit = false
        var afterPoint = false
        while i < end {
            let b = bytes[i]
            if b == 0x2E, !afterPoint {
                afterPoint = true
                i += 1
                continue
            }
            guard b >= 0x30 && b <= 0x39 else { break }
            sawDigit = true
            if significand != 0 || b != 0x30 {
                guard significant < 19 else { return nil }
                significand = significand &* 10 &+ UInt64(b &- 0x30)
                significant &+= 1
            }
            if afterPoint { exponent &-= 1 }
            i &+= 1
        }
        guard sawDigit, significand != 0 else { return nil }
        if i < end, bytes[i] == 0x65 || bytes[i] == 0x45 {
            i += 1
            var exponentNegative = false
            if i < end, bytes[i] == 0x2D || bytes[i] == 0x2B {
                exponentNegative = bytes[i] == 0x2D
                i += 1
            }
            var value = 0
            var digits = 0
            while i < end, bytes[i] >= 0x30 && bytes[i] <= 0x39, digits < 4 {
                value = value * 10 + Int(bytes[i] - 0x30)
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            exponent += exponentNegative ? -value : value
        }
        guard i == end, exponent >= -22, exponent <= 22 else { return nil }
        let power = exactPowersOfTen[abs(exponent)]
        let magnitude = exponent < 0 ? Double(significand) / power : Double(significand) * power
        guard magnitude >= Double(Float.leastNormalMagnitude), magnitude <= Double(Float.greatestFiniteMagnitude) / 2 else {
            return nil
        }
        // The Double's 29 mantissa bits below a Float's: 2^28 is exactly between two Floats.
        let below = magnitude.bitPattern & ((1 << 29) - 1)
        let midpoint: UInt64 = 1 << 28
        let margin: UInt64 = 64
        guard below < midpoint - margin || below > midpoint + margin else { return nil }
        let nearest = Float(magnitude)
        return negative ? -nearest : nearest
    }

    /// A whole token as a Double, through `strtod`.
    static func parseReal(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        parse(bytes) { strtod($0, $1) }
    }

    /// Runs a C number parser over a token and accepts the value only if it read every byte.
    private static func parse<R>(
        _ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ parser: (UnsafePointer<CChar>, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> R
    ) -> R? {
        withCString(bytes) { p, count in
            var end: UnsafeMutablePointer<CChar>? = nil
            let value = parser(p, &end)
            guard let end, end - UnsafeMutablePointer(mutating: p) == count else { return nil }
            return value
        }
    }

    /// Calls `body` with a NUL-terminated copy of a short token (numbers in the model are short).
    private static func withCString<R>(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ body: (UnsafePointer<CChar>, Int) -> R?) -> R? {
        guard !bytes.isEmpty, bytes.count < 64 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer -> R? in
            guard let base = buffer.baseAddress else { return nil }
            for (k, b) in bytes.enumerated() { base[k] = CChar(bitPattern: b) }
            base[bytes.count] = 0
            return body(UnsafePointer(base), bytes.count)
        }
    }
}

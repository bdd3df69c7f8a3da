#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Calls `body` with the string's UTF-8 bytes, without copying them when the string is
    /// native (as every string the pipeline builds is).
    ///
    /// Loops over `utf8` pay a bounds and representation check per byte; a buffer pointer loop
    /// does not, and the per-block scans (hashes, counts, case folds) run on every block.
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(utf8).withUnsafeBufferPointer(body)
    }
}

extension String {
    /// Whether a word of the text (split at spaces, empty words skipped, as
    /// `split(separator: " ")` gives them) satisfies `test`. The words are found on the UTF-8
    /// view with no array built: title voting asks this of every candidate line.
    @inline(__always)
    func containsWord(where test: (Substring) -> Bool) -> Bool {
        let bytes = utf8
        var start = bytes.startIndex
        var i = start
        while i < bytes.endIndex {
            if bytes[i] == 0x20 {
                if start < i, test(self[start..<i]) { return true }
                start = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        return start < bytes.endIndex && test(self[start..<bytes.endIndex])
    }

    /// Byte offset of the first occurrence of `needle`'s UTF-8 bytes, or nil.
    ///
    /// Foundation's `range(of:)` and `contains(_:)` bridge both strings to UTF-16 and compare
    /// canonically; the pipeline's text is already NFC, where equal text means equal bytes, and
    /// byte search skips the bridging that made site-name voting a tenth of a document's time.
    func firstByteOffset(of needle: String) -> Int? {
        withBytes { hay in
            needle.withBytes { pin -> Int? in
                guard let first = pin.first else { return 0 }
                guard pin.count <= hay.count else { return nil }
                var i = 0
                let last = hay.count - pin.count
                // Jumps to each candidate first byte: names are searched for in every block of
                // a page, and most blocks hold none of their first letter's places.
                while let found = UTF8Bytes.firstIndex(of: first, in: hay, from: i, to: last + 1) {
                    i = found
                    var k = 1
                    while k < pin.count && hay[i + k] == pin[k] { k += 1 }
                    if k == pin.count { return i }
                    i += 1
                }
                return nil
            }
        }
    }

    /// Whether `needle`'s bytes occur in the string (see `firstByteOffset(of:)`).
    func containsBytes(_ needle: String) -> Bool { firstByteOffset(of: needle) != nil }
}

/// Decoding single scalars from valid UTF-8 (the input decoder repairs everything it passes on).
enum UTF8Bytes {
    /// The scalar value starting at `i` and its length in bytes; nil when the sequence is cut off.
    @inline(__always)
    static func scalar(in b: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int)? {
        let lead = b[i]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard i + length <= b.count else { return nil }
        var v = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { v = v << 6 | UInt32(b[i + k] & 0x3F) }
        return (v, length)
    }

    /// Whether bytes are ASCII apart from U+2000-U+203F (E2 80 xx: typographic quotes, dashes,
    /// spaces), none of which has case: ASCII case mapping is then exact.
    static func isASCIIOrPunctuation(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            if b[i] < 0x80 {
                i += 1
                continue
            }
            guard b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80 else { return false }
            i += 3
        }
        return true
    }

    /// The index of the first `byte` in `b[from..<to]` (`to` defaults to the end), found by
    /// `memchr`, which skips the bytes before it many at a time; nil when there is none.
    @inline(__always)
    static func firstIndex(of byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int = 0, to: Int? = nil) -> Int? {
        let end = to ?? b.count
        guard from < end, let base = b.baseAddress, let found = memchr(base + from, Int32(byte), end - from) else {
            return nil
        }
        return UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// The eight bytes at `offset` as one integer, first byte lowest (the caller checks that
    /// eight bytes are there).
    @inline(__always)
    static func word(_ b: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(b.baseAddress.unsafelyUnwrapped).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The top bit of each byte of `v` that is zero, and no other bit (exact for every byte,
    /// unlike the borrow trick that only says whether some byte is zero).
    @inline(__always)
    static func zeroByteMask(_ v: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((v & low) &+ low) | v | low)
    }

    /// Unicode scalars in valid UTF-8: the bytes that are not continuation bytes (10xxxxxx),
    /// counted eight at a time (a continuation byte has its top bit set and the next one clear).
    static func scalarCount(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = b.count
        var continuation = 0
        var i = 0
        while i &+ 8 <= n {
            let w = word(b, at: i)
            continuation &+= (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            i &+= 8
        }
        while i < n {
            if b[i] & 0xC0 == 0x80 { continuation &+= 1 }
            i &+= 1
        }
        return n - continuation
    }

    /// Top bits set in some byte of the result exactly when some byte of `v` equals `byte`
    /// (`(x - 0x01…) & ~x & 0x80…` of `x = v ^ byte…`, nonzero iff `x` has a zero byte; which
    /// bytes it marks is not exact, so callers only test the OR of such results for zero).
    @inline(__always)
    static func matches(_ v: UInt64, _ byte: UInt8) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let x = v ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & 0x8080_8080_8080_8080
    }

    /// Whether two spaces follow each other somewhere in `b`, eight bytes at a time.
    static func hasDoubleSpace(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 0
        var lastWasSpace = false
        while i &+ 8 <= n {
            let spaces = zeroByteMask(word(b, at: i) ^ 0x2020_2020_2020_2020)
            // A space whose next byte is a space, inside the word or across its start.
            if spaces & (spaces >> 8) != 0 || lastWasSpace && spaces & 0x80 != 0 { return true }
            lastWasSpace = spaces >> 63 != 0
            i &+= 8
        }
        while i < n {
            let isSpace = b[i] == 0x20
            if isSpace && lastWasSpace { return true }
            lastWasSpace = isSpace
            i &+= 1
        }
        return false
    }

    /// Whether bytes are well-formed UTF-8 (Unicode's table 3-7: no overlong forms, no
    /// surrogates, nothing above U+10FFFF). ASCII runs, most of any text, cost one compare a byte.
    static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 0
        while i < n {
            // Eight ASCII bytes at a time: most text is ASCII between its few other characters.
            if i &+ 8 <= n, word(b, at: i) & 0x8080_8080_8080_8080 == 0 {
                i &+= 8
                continue
            }
            let lead = b[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            @inline(__always) func trail(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
                i + k < n && b[i + k] >= lo && b[i + k] <= hi
            }
            switch lead {
            case 0xC2...0xDF:
                guard trail(1) else { return false }
                i += 2
            case 0xE0:
                guard trail(1, 0xA0), trail(2) else { return false }
                i += 3
            case 0xE1...0xEC, 0xEE...0xEF:
                guard trail(1), trail(2) else { return false }
                i += 3
            case 0xED:
                guard trail(1, 0x80, 0x9F), trail(2) else { return false }
                i += 3
            case 0xF0:
                guard trail(1, 0x90), trail(2), trail(3) else { return false }
                i += 4
            case 0xF1...0xF3:
                guard trail(1), trail(2), trail(3) else { return false }
                i += 4
            case 0xF4:
                guard trail(1, 0x80, 0x8F), trail(2), trail(3) else { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }
}

extension String {
    /// `lowercased()`, with ASCII text mapped byte by byte (the same result, at a fraction of
    /// the cost of the standard library's Unicode path, which metadata voting calls per block).
    var lowercasedFast: String {
        withBytes { bytes in
            // General punctuation (U+2000-U+203F: typographic quotes, dashes) has no case.
            guard UTF8Bytes.isASCIIOrPunctuation(bytes) else { return lowercased() }
            guard bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return self }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for i in 0..<bytes.count {
                    let b = bytes[i]
                    out[i] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                }
                return bytes.count
            }
        }
    }

    /// Whether the first space-separated word is `word` (lowercase ASCII) in any ASCII case.
    func firstWordIs(_ word: StaticString) -> Bool {
        withBytes { bytes in
            var i = 0
            while i < bytes.count && bytes[i] == 0x20 { i += 1 }
            let n = word.utf8CodeUnitCount
            guard bytes.count - i >= n else { return false }
            let w = word.utf8Start
            for k in 0..<n where bytes[i + k] | 0x20 != w[k] { return false }
            return i + n == bytes.count || bytes[i + n] == 0x20
        }
    }
}

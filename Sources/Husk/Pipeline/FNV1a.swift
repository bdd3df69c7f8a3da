/// 64-bit FNV-1a, fed byte by byte: the one hash behind line keys, repeated-line fingerprints
/// and word sets, cheap enough to run over every byte and allocation-free.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ byte: UInt8) { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }

    /// The hash as a `PackedKeySet` key: never zero, which marks an empty slot there.
    var key: UInt64 { value == 0 ? 1 : value }

    /// The hasher fed a string's UTF-8 bytes.
    private static func fed(_ text: String) -> FNV1a {
        var h = FNV1a()
        text.withBytes { bytes in
            for b in bytes { h.add(b) }
        }
        return h
    }

    /// The hash of a string's UTF-8 bytes.
    static func hash(_ text: String) -> UInt64 { fed(text).value }

    /// The hash of a string's UTF-8 bytes as a `PackedKeySet` key (never zero).
    static func key(_ text: String) -> UInt64 { fed(text).key }

    /// Calls `body` for every word of `text` (a run of ASCII letters and digits and non-ASCII
    /// bytes) with its hash, its length in bytes and the bytes just before and after it (a
    /// space at the text's edges). With `foldingASCIICase`, ASCII capitals hash as lowercase.
    static func forEachWord(
        in text: String, foldingASCIICase: Bool, _ body: (_ hash: UInt64, _ length: Int, _ before: UInt8, _ after: UInt8) -> Void
    ) {
        text.withBytes { bytes in
            var h = FNV1a()
            var length = 0
            var before: UInt8 = 0x20
            var previous: UInt8 = 0x20
            for b in bytes {
                if b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) {
                    if length == 0 { before = previous }
                    h.add(foldingASCIICase && b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                    length += 1
                } else if length > 0 {
                    body(h.value, length, before, b)
                    h = FNV1a()
                    length = 0
                }
                previous = b
            }
            if length > 0 { body(h.value, length, before, 0x20) }
        }
    }
}

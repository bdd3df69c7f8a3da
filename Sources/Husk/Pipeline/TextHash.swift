/// A 64-bit hash of a text's bytes read eight at a time, for grouping equal lines.
///
/// FNV-1a multiplies once per byte, each multiply waiting on the one before; over every line
/// of a window that chain cost more than the counting it served. Here one multiply mixes
/// eight bytes. Used where only equality matters (two texts with equal hashes are taken as
/// equal, with odds of a false match of about one in 10^19 per pair), never for stored keys.
enum TextHash {
    static func of(_ text: String) -> UInt64 {
        text.withBytes { bytes in
            let n = bytes.count
            var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
            var i = 0
            while i &+ 8 <= n {
                h = (h ^ UTF8Bytes.word(bytes, at: i)) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 31
                i &+= 8
            }
            var tail: UInt64 = 0
            while i < n {
                tail = tail << 8 | UInt64(bytes[i])
                i &+= 1
            }
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
            return h ^ h >> 29
        }
    }
}

/// UTF-8 text converted once to the UTF-16 that ICU's regex engine reads in place, with the
/// map back to byte offsets.
///
/// ICU's regex runs about twice as fast on UTF-16 as through a UTF-8 `UText`, and a block is
/// often searched by several rules: converting it once and sharing the result saves the
/// conversion per regex (a tenth of the time on Chinese text). The buffer is owned here and
/// stays valid until the next `load`, since ICU keeps the pointer it is given.
public final class UTF16Text {
    @exclusivity(unchecked) private(set) var units: UnsafeMutablePointer<UInt16>
    @exclusivity(unchecked) private var capacity: Int
    /// `byteOffset[k]` is the UTF-8 offset of unit `k` (and of the end, at `count`); unused
    /// when the text is ASCII, whose offsets are the same in both forms.
    @exclusivity(unchecked) private var byteOffset: UnsafeMutablePointer<Int32>
    // Loaded and read once per block by one owner: no run-time exclusivity checks.
    @exclusivity(unchecked) private(set) var isASCII = true
    @exclusivity(unchecked) public private(set) var count = 0

    public init() {
        capacity = 64
        units = .allocate(capacity: capacity)
        byteOffset = .allocate(capacity: capacity + 1)
    }

    deinit {
        units.deallocate()
        byteOffset.deallocate()
    }

    /// Replaces the text with `utf8` (valid UTF-8; a truncated sequence becomes U+FFFD).
    public func load(_ utf8: UnsafeBufferPointer<UInt8>) {
        if capacity < utf8.count + 1 {
            units.deallocate()
            byteOffset.deallocate()
            capacity = (utf8.count + 1) * 2
            units = .allocate(capacity: capacity)
            byteOffset = .allocate(capacity: capacity + 1)
        }
        var i = 0
        // ASCII prefix: one unit per byte, offsets unchanged.
        while i < utf8.count && utf8[i] < 0x80 {
            units[i] = UInt16(utf8[i])
            i += 1
        }
        guard i < utf8.count else {
            isASCII = true
            count = utf8.count
            return
        }
        isASCII = false
        for k in 0..<i { byteOffset[k] = Int32(k) }
        var n = i
        while i < utf8.count {
            let b = utf8[i]
            if b < 0x80 {
                units[n] = UInt16(b)
                byteOffset[n] = Int32(i)
                n += 1
                i += 1
                continue
            }
            var scalar: UInt32
            var length: Int
            switch b {
            case 0xC0..<0xE0: scalar = UInt32(b & 0x1F); length = 2
            case 0xE0..<0xF0: scalar = UInt32(b & 0x0F); length = 3
            case 0xF0..<0xF8: scalar = UInt32(b & 0x07); length = 4
            default: scalar = 0xFFFD; length = 1
            }
            if length > 1 {
                if i + length > utf8.count {
                    scalar = 0xFFFD
                    length = utf8.count - i
                } else {
                    for k in 1..<length { scalar = scalar << 6 | UInt32(utf8[i + k] & 0x3F) }
                }
            }
            if scalar >= 0x10000 {
                let v = scalar - 0x10000
                units[n] = UInt16(0xD800 + (v >> 10))
                units[n + 1] = UInt16(0xDC00 + (v & 0x3FF))
                byteOffset[n] = Int32(i)
                byteOffset[n + 1] = Int32(i)
                n += 2
            } else {
                units[n] = UInt16(truncatingIfNeeded: scalar)
                byteOffset[n] = Int32(i)
                n += 1
            }
            i += length
        }
        byteOffset[n] = Int32(utf8.count)
        count = n
    }

    /// The UTF-8 offset of unit `k` (0 ... count).
    func byteOffset(ofUnit k: Int) -> Int {
        isASCII ? k : Int(byteOffset[k])
    }

    /// The first unit at or after byte offset `start`.
    func unit(atOrAfterByte start: Int) -> Int {
        if isASCII { return min(start, count) }
        var k = 0
        while k < count && byteOffset[k] < start { k += 1 }
        return k
    }
}

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
                while i <= last {
                    if hay[i] == first {
                        var k = 1
                        while k < pin.count && hay[i + k] == pin[k] { k += 1 }
                        if k == pin.count { return i }
                    }
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
}

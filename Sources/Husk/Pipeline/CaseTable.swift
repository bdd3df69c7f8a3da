/// Case facts of Unicode scalars, looked up once per scalar and then read from a table.
///
/// Swift's `lowercased()` and `properties.isUppercase` search Unicode's tables on every call,
/// which made case folding the costliest step of rule matching on non-English text. Swift
/// lowercases scalar by scalar (no context rules such as final sigma), so mapping each scalar
/// on its own gives exactly the same bytes. Holds mutable tables: one per engine (thread).
final class CaseTable {
    /// Scalars below this are tabled; the rest (rare on the web) are looked up each time.
    private static let size = 0x10000
    /// 0: not looked up yet; `UInt32.max`: maps to several scalars; else the lowercase value + 1.
    private let lower: UnsafeMutablePointer<UInt32>
    /// Bit 0: looked up; bit 1: uppercase.
    private let flags: UnsafeMutablePointer<UInt8>

    init() {
        lower = ZeroedMemory.allocate(UInt32.self, count: Self.size)
        flags = ZeroedMemory.allocate(UInt8.self, count: Self.size)
    }

    deinit {
        ZeroedMemory.release(lower)
        ZeroedMemory.release(flags)
    }

    /// Whether `scalar` has the Unicode Uppercase property.
    @inline(__always)
    func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let v = Int(scalar.value)
        guard v < Self.size else { return scalar.properties.isUppercase }
        var f = flags[v]
        if f == 0 {
            f = 1 | (scalar.properties.isUppercase ? 2 : 0)
            flags[v] = f
        }
        return f & 2 != 0
    }

    /// Appends the UTF-8 bytes of `scalar` lowercased, as `String(scalar).lowercased()` would.
    @inline(__always)
    func appendLowercased(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        if v < 0x80 {
            let b = UInt8(v)
            out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            return
        }
        if Int(v) < Self.size {
            var entry = lower[Int(v)]
            if entry == 0 {
                let mapped = scalar.properties.lowercaseMapping.unicodeScalars
                entry = mapped.count == 1 ? (mapped.first?.value ?? v) + 1 : UInt32.max
                lower[Int(v)] = entry
            }
            if entry != UInt32.max, let single = Unicode.Scalar(entry - 1) {
                UTF8.encode(single) { out.append($0) }
                return
            }
        }
        out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
    }

    /// `text` lowercased, as UTF-8 bytes, into a reused buffer.
    func appendLowercased(_ text: String, to out: inout [UInt8]) {
        text.withBytes { appendLowercased(bytes: $0, to: &out) }
    }

    /// Valid UTF-8 lowercased into a reused buffer. ASCII is folded and U+3000-U+9FFF (CJK,
    /// kana: no case) is copied as it is, without decoding; other scalars go through the table.
    func appendLowercased(bytes b: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let n = b.count
        var i = 0
        // Bytes that stay as they are (ASCII other than capitals, CJK) are copied in runs.
        var run = 0
        func flush() {
            if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i])) }
        }
        while i < n {
            let lead = b[i]
            if lead < 0x80 {
                if lead >= 0x41 && lead <= 0x5A {
                    flush()
                    out.append(lead | 0x20)
                    run = i + 1
                }
                i += 1
                continue
            }
            // U+3000-U+9FFF (kana, CJK ideographs) have no case.
            if lead >= 0xE3 && lead <= 0xE9 && i + 2 < n {
                i += 3
                continue
            }
            flush()
            guard let (v, length) = UTF8Bytes.scalar(in: b, at: i) else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i...]))
                return
            }
            if let scalar = Unicode.Scalar(v) {
                appendLowercased(scalar, to: &out)
            } else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<(i + length)]))
            }
            i += length
            run = i
        }
        flush()
    }
}

/// Byte-level splitting helpers used by metadata reading.
extension String {
    /// The text before and after the last occurrence of `separator`, found on bytes.
    func splitAtLast(_ separator: String) -> (String, String)? {
        withBytes { bytes in
            separator.withBytes { sep -> (String, String)? in
                guard bytes.count > sep.count, !sep.isEmpty else { return nil }
                var k = bytes.count - sep.count
                while k >= 0 {
                    if bytes[k] == sep[0] && bytes[k..<(k + sep.count)].elementsEqual(sep) {
                        return (String(decoding: bytes[..<k], as: UTF8.self), String(decoding: bytes[(k + sep.count)...], as: UTF8.self))
                    }
                    k -= 1
                }
                return nil
            }
        }
    }

    func splitting(on separator: String) -> [String] {
        // On bytes, like `splitAtLast` (the text is NFC, so equal text is equal bytes).
        guard !separator.isEmpty else { return [self] }
        var out: [String] = []
        var rest = self
        while let offset = rest.firstByteOffset(of: separator) {
            let bytes = Array(rest.utf8)
            out.append(String(decoding: bytes[..<offset], as: UTF8.self))
            rest = String(decoding: bytes[(offset + separator.utf8.count)...], as: UTF8.self)
        }
        out.append(rest)
        return out
    }
}

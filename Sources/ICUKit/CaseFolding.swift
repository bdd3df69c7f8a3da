@_implementationOnly import CICU

/// ICU's full case folding (`u_strFoldCase`), the mapping case-insensitive regexes compare by.
public enum CaseFolding {
    /// The folded form of a string; the string itself if ICU fails.
    public static func fold(_ text: String) -> String {
        let source = Array(text.utf16)
        var capacity = source.count * 3 + 4
        while true {
            var status = U_ZERO_ERROR
            var dest = [UInt16](repeating: 0, count: capacity)
            let length = source.withUnsafeBufferPointer { src in
                dest.withUnsafeMutableBufferPointer { dst in
                    husk_u_strFoldCase(dst.baseAddress, Int32(dst.count), src.baseAddress, Int32(src.count), &status)
                }
            }
            if status == U_BUFFER_OVERFLOW_ERROR {
                capacity = Int(length) + 4
                continue
            }
            if failed(status) { return text }
            return String(decoding: dest[0..<Int(length)], as: UTF16.self)
        }
    }
}

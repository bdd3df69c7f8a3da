@_implementationOnly import CICU

/// ICU Unicode normalization (NFC or NFKC).
///
/// Callers skip text that is already normalized by construction (ASCII, or for NFC every code
/// point below U+0300); everything else goes through ICU.
public struct Normalizer: @unchecked Sendable {
    public enum Form: Sendable { case nfc, nfkc }

    private let instance: OpaquePointer

    public init(_ form: Form) throws(ICUError) {
        var status = U_ZERO_ERROR
        let n = form == .nfc ? husk_unorm2_getNFCInstance(&status) : husk_unorm2_getNFKCInstance(&status)
        guard let n, !failed(status) else { throw ICUError(status) }
        instance = n
    }

    /// The normalized form of `text`; the input itself when ICU reports it is already normalized.
    public func normalize(_ text: String) -> String {
        let source = Array(text.utf16)
        if source.isEmpty { return text }
        var status = U_ZERO_ERROR
        let span = source.withUnsafeBufferPointer {
            husk_unorm2_spanQuickCheckYes(instance, $0.baseAddress, Int32($0.count), &status)
        }
        if !failed(status) && Int(span) == source.count { return text }
        var capacity = source.count * 2 + 16
        while true {
            status = U_ZERO_ERROR
            var dest = [UInt16](repeating: 0, count: capacity)
            let length = source.withUnsafeBufferPointer { src in
                dest.withUnsafeMutableBufferPointer { dst in
                    husk_unorm2_normalize(instance, src.baseAddress, Int32(src.count),
                                          dst.baseAddress, Int32(dst.count), &status)
                }
            }
            if status == U_BUFFER_OVERFLOW_ERROR {
                capacity = Int(length) + 16
                continue
            }
            if failed(status) { return text }
            return String(decoding: dest[0..<Int(length)], as: UTF16.self)
        }
    }

    /// Normalizes UTF-8 bytes, reusing `scratch` for the UTF-16 ICU reads: nil when the text is
    /// already normalized (most text is), else the normalized bytes.
    ///
    /// Byte in, bytes out: the pipeline works on UTF-8, and going through `String` and its
    /// UTF-16 view cost more than ICU's own check.
    public func normalized(_ utf8: UnsafeBufferPointer<UInt8>, scratch: UTF16Text) -> [UInt8]? {
        guard !utf8.isEmpty else { return nil }
        scratch.load(utf8)
        var status = U_ZERO_ERROR
        let span = husk_unorm2_spanQuickCheckYes(instance, scratch.units, Int32(scratch.count), &status)
        if !failed(status) && Int(span) == scratch.count { return nil }
        var capacity = scratch.count * 2 + 16
        while true {
            status = U_ZERO_ERROR
            var dest = [UInt16](repeating: 0, count: capacity)
            let length = dest.withUnsafeMutableBufferPointer { dst in
                husk_unorm2_normalize(instance, scratch.units, Int32(scratch.count), dst.baseAddress, Int32(dst.count), &status)
            }
            if status == U_BUFFER_OVERFLOW_ERROR {
                capacity = Int(length) + 16
                continue
            }
            if failed(status) { return nil }
            return Array(String(decoding: dest[0..<Int(length)], as: UTF16.self).utf8)
        }
    }
}

@_implementationOnly import CICU

/// ICU's sentence break iterator over UTF-8 text.
///
/// It knows full-width and CJK sentence ends (`。！？`) and abbreviations that the root rules
/// cover, which a split on periods does not.
public final class SentenceBreaker {
    private let iterator: OpaquePointer
    private var text: UnsafeMutablePointer<UText>?

    public init(locale: String = "") throws(ICUError) {
        var status = U_ZERO_ERROR
        guard let bi = husk_ubrk_open(Int32(UBRK_SENTENCE.rawValue), locale, &status), !failed(status) else {
            throw ICUError(status)
        }
        iterator = bi
    }

    deinit {
        husk_ubrk_close(iterator)
        if let text { husk_utext_close(text) }
    }

    /// Byte offsets where sentences end (the last one is the end of the text).
    public func forEachBoundary(in utf8: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        guard let base = utf8.baseAddress, utf8.count > 0 else { return }
        var status = U_ZERO_ERROR
        let raw = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        text = husk_utext_openUTF8(text, raw, Int64(utf8.count), &status)
        guard !failed(status), let text else { return }
        husk_ubrk_setUText(iterator, text, &status)
        guard !failed(status) else { return }
        _ = husk_ubrk_first(iterator)
        while true {
            let end = Int(husk_ubrk_next(iterator))
            if end < 0 { break }
            body(end)
        }
    }
}

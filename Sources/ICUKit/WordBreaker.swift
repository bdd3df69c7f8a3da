@_implementationOnly import CICU

/// What kind of token a word-break segment is, from ICU's rule status.
public enum WordKind: Sendable {
    case none, number, letter, kana, ideograph
}

/// ICU's word break iterator over UTF-8 text, reporting byte ranges.
///
/// Words are counted the way ICU segments them (dictionaries for Chinese, Japanese and Thai),
/// never by splitting on spaces. One instance is reused for many texts; it is not thread-safe.
public final class WordBreaker {
    private let iterator: OpaquePointer
    private var text: UnsafeMutablePointer<UText>?

    public init(locale: String = "") throws(ICUError) {
        var status = U_ZERO_ERROR
        guard let bi = husk_ubrk_open(Int32(UBRK_WORD.rawValue), locale, &status), !failed(status) else {
            throw ICUError(status)
        }
        iterator = bi
    }

    deinit {
        husk_ubrk_close(iterator)
        if let text { husk_utext_close(text) }
    }

    /// Calls `body` with each segment's byte range and kind. The buffer must be valid UTF-8.
    public func forEachSegment(in utf8: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, WordKind) -> Void) {
        guard let base = utf8.baseAddress, utf8.count > 0 else { return }
        var status = U_ZERO_ERROR
        let raw = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        text = husk_utext_openUTF8(text, raw, Int64(utf8.count), &status)
        guard !failed(status), let text else { return }
        husk_ubrk_setUText(iterator, text, &status)
        guard !failed(status) else { return }
        var start = Int(husk_ubrk_first(iterator))
        while true {
            let end = Int(husk_ubrk_next(iterator))
            if end < 0 { break }
            let rule = husk_ubrk_getRuleStatus(iterator)
            let kind: WordKind
            switch rule {
            case 100..<200: kind = .number
            case 200..<300: kind = .letter
            case 300..<400: kind = .kana
            case 400..<500: kind = .ideograph
            default: kind = .none
            }
            body(start..<end, kind)
            start = end
        }
    }
}

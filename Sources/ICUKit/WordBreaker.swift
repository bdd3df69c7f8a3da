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
    private let core: BreakIterator

    public init(locale: String = "") throws(ICUError) {
        core = try BreakIterator(kind: UBRK_WORD, locale: locale)
    }

    /// Calls `body` with each segment's byte range and kind. The buffer must be valid UTF-8.
    public func forEachSegment(in utf8: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, WordKind) -> Void) {
        guard core.setText(utf8) else { return }
        let iterator = core.iterator
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

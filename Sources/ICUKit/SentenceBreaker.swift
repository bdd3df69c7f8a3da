@_implementationOnly import CICU

/// ICU's sentence break iterator over UTF-8 text.
///
/// It knows full-width and CJK sentence ends (`。！？`) and abbreviations that the root rules
/// cover, which a split on periods does not.
public final class SentenceBreaker {
    private let core: BreakIterator

    public init(locale: String = "") throws(ICUError) {
        core = try BreakIterator(kind: UBRK_SENTENCE, locale: locale)
    }

    /// Byte offsets where sentences end (the last one is the end of the text).
    public func forEachBoundary(in utf8: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        guard core.setText(utf8) else { return }
        let iterator = core.iterator
        _ = husk_ubrk_first(iterator)
        while true {
            let end = Int(husk_ubrk_next(iterator))
            if end < 0 { break }
            body(end)
        }
    }
}

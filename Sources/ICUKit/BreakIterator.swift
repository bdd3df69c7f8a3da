@_implementationOnly import CICU

/// The shared part of ICU's break iterators: open one of a kind, point it at UTF-8 text in place.
///
/// ICU keeps the text pointer, so callers must use the iterator only inside the closure that
/// holds the buffer.
final class BreakIterator {
    let iterator: OpaquePointer
    private var text: UnsafeMutablePointer<UText>?

    init(kind: UBreakIteratorType, locale: String) throws(ICUError) {
        var status = U_ZERO_ERROR
        guard let bi = husk_ubrk_open(Int32(kind.rawValue), locale, &status), !failed(status) else {
            throw ICUError(status)
        }
        iterator = bi
    }

    deinit {
        husk_ubrk_close(iterator)
        if let text { husk_utext_close(text) }
    }

    /// Points the iterator at `utf8`; false for empty text or an ICU failure.
    func setText(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress, utf8.count > 0 else { return false }
        var status = U_ZERO_ERROR
        let raw = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        text = husk_utext_openUTF8(text, raw, Int64(utf8.count), &status)
        guard !failed(status), let text else { return false }
        husk_ubrk_setUText(iterator, text, &status)
        return !failed(status)
    }
}

@_implementationOnly import CICU

/// A compiled ICU regular expression matched against UTF-8 text in place.
///
/// Runaway patterns are bounded by ICU's time and stack limits, so a hostile user rule
/// cannot hang a document; such a match reports `.limitExceeded` instead of a result.
public final class ICURegex {
    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let caseInsensitive = Options(rawValue: UInt32(UREGEX_CASE_INSENSITIVE.rawValue))
        public static let multiline = Options(rawValue: UInt32(UREGEX_MULTILINE.rawValue))
    }

    public enum Outcome: Equatable {
        case noMatch
        case match(Range<Int>)
        case limitExceeded
    }

    private let regex: OpaquePointer
    public let pattern: String
    public let options: Options

    /// Compiles `pattern`; a syntax error reports the UTF-16 offset ICU gives.
    public init(_ pattern: String, options: Options = [], timeLimit: Int32 = 200, stackLimit: Int32 = 1 << 16)
        throws(ICUError)
    {
        self.pattern = pattern
        self.options = options
        let patternUnits = Array(pattern.utf16)
        var status = U_ZERO_ERROR
        var parseError = UParseError()
        let re = patternUnits.withUnsafeBufferPointer {
            husk_uregex_open($0.baseAddress, Int32($0.count), options.rawValue, &parseError, &status)
        }
        guard let re, !failed(status) else {
            throw ICUError(status, offset: Int(parseError.offset))
        }
        regex = re
        husk_uregex_setTimeLimit(regex, timeLimit, &status)
        husk_uregex_setStackLimit(regex, stackLimit, &status)
    }

    deinit {
        husk_uregex_close(regex)
    }

    /// A separate matcher for another thread: ICU regex objects carry match state.
    public func copy() -> ICURegex? {
        try? ICURegex(pattern, options: options)
    }

    /// The text of the last search through `firstMatch(in: UnsafeBufferPointer)`.
    private let ownText = UTF16Text()
    /// The text the last match refers to (kept alive: ICU holds its pointer).
    private var searched: UTF16Text?

    /// The first match in `utf8` (byte offsets) starting at or after byte `start`; the text
    /// before `start` still counts as context (`\b`, look-behind).
    public func firstMatch(in utf8: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Outcome {
        ownText.load(utf8)
        return firstMatch(in: ownText, from: start)
    }

    /// The first match in text already converted (shared by the regexes that search one block).
    public func firstMatch(in text: UTF16Text, from start: Int = 0) -> Outcome {
        searched = text
        var status = U_ZERO_ERROR
        husk_uregex_setText(regex, text.units, Int32(text.count), &status)
        guard !failed(status) else { return .noMatch }
        let found = husk_uregex_find64(regex, Int64(text.unit(atOrAfterByte: start)), &status) != 0
        if status == U_REGEX_TIME_OUT || status == U_REGEX_STACK_OVERFLOW { return .limitExceeded }
        guard found, !failed(status) else { return .noMatch }
        return range(ofGroup: 0).map { .match($0) } ?? .noMatch
    }

    /// The byte range of capture `group` of the last successful match, if it took part.
    public func range(ofGroup group: Int32) -> Range<Int>? {
        var status = U_ZERO_ERROR
        let start = husk_uregex_start64(regex, group, &status)
        let end = husk_uregex_end64(regex, group, &status)
        guard let text = searched, !failed(status), start >= 0, end >= start, Int(end) <= text.count else { return nil }
        return text.byteOffset(ofUnit: Int(start))..<text.byteOffset(ofUnit: Int(end))
    }

    public var groupCount: Int {
        var status = U_ZERO_ERROR
        return Int(husk_uregex_groupCount(regex, &status))
    }
}

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
    private var text: UnsafeMutablePointer<UText>?
    public let pattern: String
    public let options: Options

    /// Compiles `pattern`; a syntax error reports the UTF-16 offset ICU gives.
    public init(_ pattern: String, options: Options = [], timeLimit: Int32 = 200, stackLimit: Int32 = 1 << 16)
        throws(ICUError)
    {
        self.pattern = pattern
        self.options = options
        let units = Array(pattern.utf16)
        var status = U_ZERO_ERROR
        var parseError = UParseError()
        let re = units.withUnsafeBufferPointer {
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
        if let text { husk_utext_close(text) }
    }

    /// A separate matcher for another thread: ICU regex objects carry match state.
    public func copy() -> ICURegex? {
        try? ICURegex(pattern, options: options)
    }

    /// The first match in `utf8` (byte offsets), searching from the start.
    public func firstMatch(in utf8: UnsafeBufferPointer<UInt8>) -> Outcome {
        var status = U_ZERO_ERROR
        var nothing: CChar = 0
        let found: Bool = withUnsafePointer(to: &nothing) { emptyPointer in
            let raw: UnsafePointer<CChar>
            if let base = utf8.baseAddress, utf8.count > 0 {
                raw = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            } else {
                raw = emptyPointer
            }
            text = husk_utext_openUTF8(text, raw, Int64(utf8.count), &status)
            guard !failed(status) else { return false }
            husk_uregex_setUText(regex, text, &status)
            guard !failed(status) else { return false }
            return husk_uregex_find64(regex, 0, &status) != 0
        }
        if status == U_REGEX_TIME_OUT || status == U_REGEX_STACK_OVERFLOW { return .limitExceeded }
        guard found, !failed(status) else { return .noMatch }
        let start = husk_uregex_start64(regex, 0, &status)
        let end = husk_uregex_end64(regex, 0, &status)
        guard !failed(status), start >= 0, end >= start else { return .noMatch }
        return .match(Int(start)..<Int(end))
    }

    /// The byte range of capture `group` of the last successful match, if it took part.
    public func range(ofGroup group: Int32) -> Range<Int>? {
        var status = U_ZERO_ERROR
        let start = husk_uregex_start64(regex, group, &status)
        let end = husk_uregex_end64(regex, group, &status)
        guard !failed(status), start >= 0, end >= start else { return nil }
        return Int(start)..<Int(end)
    }

    public var groupCount: Int {
        var status = U_ZERO_ERROR
        return Int(husk_uregex_groupCount(regex, &status))
    }
}

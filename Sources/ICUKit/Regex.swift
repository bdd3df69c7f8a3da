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
        units = .allocate(capacity: 1)
        husk_uregex_setTimeLimit(regex, timeLimit, &status)
        husk_uregex_setStackLimit(regex, stackLimit, &status)
    }

    deinit {
        husk_uregex_close(regex)
        units.deallocate()
    }

    /// A separate matcher for another thread: ICU regex objects carry match state.
    public func copy() -> ICURegex? {
        try? ICURegex(pattern, options: options)
    }

    /// The text of the last search as UTF-16, which ICU reads in place: its regex engine runs
    /// about twice as fast on UTF-16 as through a UTF-8 `UText`. Owned here because ICU keeps
    /// the pointer until the next search.
    private var units: UnsafeMutablePointer<UInt16>
    private var unitCapacity = 0
    /// `byteOffset[k]` is the UTF-8 offset of UTF-16 unit `k` (and of the end, at `count`);
    /// empty when the last text was ASCII, whose offsets are the same in both forms.
    private var byteOffset: [Int] = []
    private var unitCount = 0

    /// The first match in `utf8` (byte offsets) starting at or after byte `start`; the text
    /// before `start` still counts as context (`\b`, look-behind).
    public func firstMatch(in utf8: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Outcome {
        load(utf8)
        var from = min(start, unitCount)
        if !byteOffset.isEmpty {
            from = 0
            while from < unitCount && byteOffset[from] < start { from += 1 }
        }
        var status = U_ZERO_ERROR
        husk_uregex_setText(regex, units, Int32(unitCount), &status)
        guard !failed(status) else { return .noMatch }
        let found = husk_uregex_find64(regex, Int64(from), &status) != 0
        if status == U_REGEX_TIME_OUT || status == U_REGEX_STACK_OVERFLOW { return .limitExceeded }
        guard found, !failed(status) else { return .noMatch }
        return range(ofGroup: 0).map { .match($0) } ?? .noMatch
    }

    /// Converts valid UTF-8 to UTF-16 in `units`, recording each unit's byte offset unless
    /// the text is ASCII.
    private func load(_ utf8: UnsafeBufferPointer<UInt8>) {
        if unitCapacity < utf8.count + 1 {
            units.deallocate()
            unitCapacity = max(64, (utf8.count + 1) * 2)
            units = .allocate(capacity: unitCapacity)
        }
        byteOffset.removeAll(keepingCapacity: true)
        var i = 0
        // ASCII prefix: one unit per byte, offsets unchanged.
        while i < utf8.count && utf8[i] < 0x80 {
            units[i] = UInt16(utf8[i])
            i += 1
        }
        guard i < utf8.count else {
            unitCount = utf8.count
            return
        }
        byteOffset.reserveCapacity(utf8.count + 1)
        for k in 0..<i { byteOffset.append(k) }
        var n = i
        while i < utf8.count {
            let b = utf8[i]
            var scalar: UInt32
            var length: Int
            switch b {
            case 0..<0x80: scalar = UInt32(b); length = 1
            case 0xC0..<0xE0: scalar = UInt32(b & 0x1F); length = 2
            case 0xE0..<0xF0: scalar = UInt32(b & 0x0F); length = 3
            case 0xF0..<0xF8: scalar = UInt32(b & 0x07); length = 4
            default: scalar = 0xFFFD; length = 1
            }
            if length > 1 {
                if i + length > utf8.count {
                    scalar = 0xFFFD
                    length = utf8.count - i
                } else {
                    for k in 1..<length { scalar = scalar << 6 | UInt32(utf8[i + k] & 0x3F) }
                }
            }
            if scalar >= 0x10000 {
                let v = scalar - 0x10000
                units[n] = UInt16(0xD800 + (v >> 10))
                units[n + 1] = UInt16(0xDC00 + (v & 0x3FF))
                byteOffset.append(i)
                byteOffset.append(i)
                n += 2
            } else {
                units[n] = UInt16(truncatingIfNeeded: scalar)
                byteOffset.append(i)
                n += 1
            }
            i += length
        }
        byteOffset.append(utf8.count)
        unitCount = n
    }

    /// The byte range of capture `group` of the last successful match, if it took part.
    public func range(ofGroup group: Int32) -> Range<Int>? {
        var status = U_ZERO_ERROR
        let start = husk_uregex_start64(regex, group, &status)
        let end = husk_uregex_end64(regex, group, &status)
        guard !failed(status), start >= 0, end >= start, Int(end) <= unitCount else { return nil }
        if byteOffset.isEmpty { return Int(start)..<Int(end) }
        return byteOffset[Int(start)]..<byteOffset[Int(end)]
    }

    public var groupCount: Int {
        var status = U_ZERO_ERROR
        return Int(husk_uregex_groupCount(regex, &status))
    }
}

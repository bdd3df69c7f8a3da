@_implementationOnly import CICU

/// A calendar day, as ICU parsed it (proleptic Gregorian, UTC).
public struct Day: Equatable, Hashable, Sendable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil). Months and days out of range
    /// carry over, as the formula does.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The day `millis` milliseconds after 1970-01-01T00:00Z.
    init(epochMillis millis: Double) {
        self.init(daysSinceEpoch: Int((millis / 86_400_000).rounded(.down)))
    }

    /// The day `days` days after 1970-01-01 (Howard Hinnant's civil_from_days, exact for the
    /// proleptic Gregorian calendar).
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }
}

/// A strict ICU date pattern (`d MMMM y`, `MMMM d, y`...) for one locale.
///
/// ICU parses leniently by default and then accepts nonsense ("March 45"); this type turns
/// leniency off and demands that the pattern consume the whole text.
public final class DateFormat {
    private let format: UnsafeMutablePointer<UDateFormat?>
    public let pattern: String
    public let locale: String

    public init(pattern: String, locale: String) throws(ICUError) {
        self.pattern = pattern
        self.locale = locale
        let units = Array(pattern.utf16)
        var status = U_ZERO_ERROR
        let fmt = units.withUnsafeBufferPointer {
            husk_udat_openPattern(locale, $0.baseAddress, Int32($0.count), &status)
        }
        guard let fmt, !failed(status) else { throw ICUError(status) }
        format = fmt
        husk_udat_setLenient(format, 0)
        husk_udat_setBooleanAttribute(format, Int32(UDAT_PARSE_ALLOW_WHITESPACE.rawValue), 1, &status)
        husk_udat_setBooleanAttribute(format, Int32(UDAT_PARSE_ALLOW_NUMERIC.rawValue), 0, &status)
        husk_udat_setBooleanAttribute(format, Int32(UDAT_PARSE_PARTIAL_LITERAL_MATCH.rawValue), 0, &status)
        husk_udat_setBooleanAttribute(format, Int32(UDAT_PARSE_MULTIPLE_PATTERNS_FOR_MATCH.rawValue), 0, &status)
    }

    deinit { husk_udat_close(format) }

    /// The day `text` names, when the whole text matches the pattern.
    public func parse(_ text: String) -> Day? {
        let units = Array(text.utf16)
        var status = U_ZERO_ERROR
        var position: Int32 = 0
        let millis = units.withUnsafeBufferPointer {
            husk_udat_parse(format, $0.baseAddress, Int32($0.count), &position, &status)
        }
        guard !failed(status), Int(position) == units.count else { return nil }
        return Day(epochMillis: millis)
    }
}

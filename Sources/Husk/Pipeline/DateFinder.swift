import ICUKit

/// Finds calendar dates in short lines and parses them strictly with ICU.
///
/// A cheap ICU regex finds candidate spans (month names, ISO and numeric forms); each candidate
/// is then parsed by strict ICU date formats for the document's language. Formatters are created
/// once per instance and reused.
final class DateFinder {
    private let candidates: ICURegex
    private var formats: [String: [DateFormat]] = [:]

    /// Formats tried per locale, after ordinals, commas and dots are normalized away.
    static let patterns: [String: [String]] = [
        "en": ["MMMM d y", "MMM d y", "d MMMM y", "d MMM y", "EEEE MMMM d y", "EEEE d MMMM y", "EEE MMM d y", "MMMM y"],
        "de": ["d MMMM y", "d MMM y", "EEEE d MMMM y"],
        "fr": ["d MMMM y", "EEEE d MMMM y"],
        "es": ["d 'de' MMMM 'de' y", "d MMMM y"],
        "it": ["d MMMM y", "EEEE d MMMM y"],
        "pt": ["d 'de' MMMM 'de' y", "d MMMM y"],
        "nl": ["d MMMM y", "EEEE d MMMM y"],
        "ru": ["d MMMM y", "d MMMM y 'г'"],
        "uk": ["d MMMM y", "d MMMM y 'р'"],
        "pl": ["d MMMM y"], "cs": ["d MMMM y"], "sv": ["d MMMM y"], "da": ["d MMMM y"], "nb": ["d MMMM y"],
        "fi": ["d MMMM y", "d MMMM'ta' y"], "ro": ["d MMMM y"], "tr": ["d MMMM y"], "hu": ["y MMMM d"],
        "el": ["d MMMM y"], "id": ["d MMMM y"],
    ]

    init() throws(HuskError) {
        let month = "[\\p{L}]{3,12}\\.?"
        let pattern = [
            "\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b",
            "\\b\\d{4}/\\d{1,2}/\\d{1,2}\\b",
            "\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日",
            "\\b\\d{4}\\.\\s*\\d{1,2}\\.\\s*\\d{1,2}\\.?",
            "\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?\(month)\\s*,?\\s*(?:de\\s+)?\\d{4}\\b",
            "(?:\\b[\\p{L}]{3,12},?\\s+)?\\b\(month)\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b",
            "\\b\\d{4}\\.?\\s+\(month)\\s+\\d{1,2}\\.?",
            "\\b\\d{1,2}[./]\\d{1,2}[./]\\d{4}\\b",
        ].joined(separator: "|")
        do {
            candidates = try ICURegex(pattern, options: [])
        } catch {
            throw .icu(error.name)
        }
    }

    /// The first date in `text` as `YYYY-MM-DD`, read in `language` (English as fallback).
    func firstDate(in text: String, language: String?) -> String? {
        guard text.utf8.count <= 400 else { return nil }
        let bytes = Array(text.utf8)
        var searchFrom = 0
        while searchFrom < bytes.count {
            let outcome = bytes[searchFrom...].withUnsafeBufferPointer { candidates.firstMatch(in: $0) }
            guard case .match(let range) = outcome else { return nil }
            let span = String(decoding: bytes[(searchFrom + range.lowerBound)..<(searchFrom + range.upperBound)], as: UTF8.self)
            if let day = parse(span, language: language) { return day }
            // A leading word the pattern allowed for weekdays may be something else ("Research, March 30").
            if let space = span.firstIndex(of: " "), let day = parse(String(span[space...]).trimmingSpaces, language: language) {
                return day
            }
            searchFrom += max(range.upperBound, 1)
        }
        return nil
    }

    func parse(_ span: String, language: String?) -> String? {
        if let day = Self.numeric(span) { return day }
        let cleaned = Self.clean(span)
        var locales = [language ?? "en"]
        if locales[0] != "en" { locales.append("en") }
        for locale in locales {
            for format in formatters(locale) {
                if let day = format.parse(cleaned), (1900...2100).contains(day.year) {
                    return Self.iso(day)
                }
            }
        }
        return nil
    }

    private func formatters(_ locale: String) -> [DateFormat] {
        if let ready = formats[locale] { return ready }
        let made = (Self.patterns[locale] ?? Self.patterns["en"] ?? []).compactMap { try? DateFormat(pattern: $0, locale: locale) }
        formats[locale] = made
        return made
    }

    /// ISO, CJK and year-first numeric forms, which need no locale.
    static func numeric(_ span: String) -> String? {
        let digits = span.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).compactMap { Int($0) }
        guard digits.count == 3 else { return nil }
        if digits[0] >= 1900 && digits[0] <= 2100 {
            return valid(digits[0], digits[1], digits[2])
        }
        // d.m.y or d/m/y: day-first unless the first number cannot be a day's month.
        if digits[2] >= 1900 && digits[2] <= 2100 && span.contains(".") {
            return valid(digits[2], digits[1], digits[0])
        }
        if digits[2] >= 1900 && digits[2] <= 2100 && span.contains("/") {
            if digits[0] > 12 { return valid(digits[2], digits[1], digits[0]) }
            if digits[1] > 12 { return valid(digits[2], digits[0], digits[1]) }
            return valid(digits[2], digits[0], digits[1])  // US order when ambiguous
        }
        return nil
    }

    static func valid(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1900...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d <= days[m - 1] else { return nil }
        return iso(Day(year: y, month: m, day: d))
    }

    static func iso(_ day: Day) -> String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(day.year, 4))-\(pad(day.month, 2))-\(pad(day.day, 2))"
    }

    /// Drops ordinal suffixes, commas and dots after numbers so one pattern covers their variants.
    static func clean(_ span: String) -> String {
        var out = ""
        var previousDigit = false
        var skipSuffix = 0
        let scalars = Array(span.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if skipSuffix > 0 {
                skipSuffix -= 1
                i += 1
                continue
            }
            if previousDigit, i + 1 < scalars.count {
                let pair = String(String.UnicodeScalarView(scalars[i...(i + 1)])).lowercased()
                if ["st", "nd", "rd", "th"].contains(pair) && (i + 2 == scalars.count || !scalars[i + 2].properties.isAlphabetic) {
                    skipSuffix = 1
                    i += 1
                    continue
                }
            }
            if s == "," || (s == "." && (previousDigit || i + 1 == scalars.count || scalars[i + 1] == " ")) {
                out.unicodeScalars.append(" ")
            } else {
                out.unicodeScalars.append(s)
            }
            previousDigit = s.properties.numericType != nil && s.isASCII
            i += 1
        }
        return out.split(separator: " ").joined(separator: " ")
    }
}

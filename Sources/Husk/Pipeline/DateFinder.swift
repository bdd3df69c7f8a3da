import ICUKit

/// Finds calendar dates in short lines and parses them strictly with ICU.
///
/// A cheap ICU regex finds candidate spans (month names, ISO and numeric forms); each candidate
/// is then parsed by strict ICU date formats for the document's language. Formatters are created
/// once per instance and reused.
final class DateFinder {
    private let candidates: ICURegex
    private var formats: [String: [DateFormat]] = [:]

    /// Formats tried per language, after ordinals, commas and dots are normalized away.
    /// "MMMM d y" appears in languages that write the day first: blog software's default
    /// format keeps English order with local month names ("Maret 30, 2015"), and a month
    /// name leaves no doubt about which number is the day.
    static let patterns: [String: [String]] = [
        "en": ["MMMM d y", "MMM d y", "d MMMM y", "d MMM y", "EEEE MMMM d y", "EEEE d MMMM y", "EEE MMM d y", "MMMM y"],
        "de": ["d MMMM y", "d MMM y", "EEEE d MMMM y", "MMMM d y"],
        "fr": ["d MMMM y", "d MMM y", "EEEE d MMMM y", "MMMM d y"],
        "es": ["d 'de' MMMM 'de' y", "d MMMM y", "d 'de' MMM 'de' y", "d MMM y", "MMMM d y"],
        "it": ["d MMMM y", "d MMM y", "EEEE d MMMM y", "MMMM d y"],
        "pt": ["d 'de' MMMM 'de' y", "d MMMM y", "d 'de' MMM 'de' y", "d MMM y", "MMMM d y"],
        "nl": ["d MMMM y", "d MMM y", "EEEE d MMMM y", "MMMM d y"],
        "ru": ["d MMMM y", "d MMM y"],
        "uk": ["d MMMM y", "d MMM y"],
        "pl": ["d MMMM y", "d MMM y", "MMMM d y"], "cs": ["d MMMM y", "d MMM y", "MMMM d y"], "sv": ["d MMMM y", "d MMM y", "MMMM d y"],
        "da": ["d MMMM y", "d MMM y", "MMMM d y"], "nb": ["d MMMM y", "d MMM y", "MMMM d y"], "nn": ["d MMMM y", "d MMM y", "MMMM d y"],
        "fi": ["d MMMM y", "d MMMM'ta' y"], "ro": ["d MMMM y", "d MMM y", "MMMM d y"], "tr": ["d MMMM y", "d MMM y", "MMMM d y"],
        "hu": ["y MMMM d", "y MMM d"], "el": ["d MMMM y", "d MMM y"], "id": ["d MMMM y", "d MMM y", "MMMM d y"],
        "ar": ["d MMMM y"], "he": ["d MMMM y", "d בMMMM y"], "th": ["d MMMM y", "d MMM y"],
    ]

    /// ICU locales tried for a document language, in order (English is tried last for all).
    /// Arabic month names differ by region (Levantine نيسان, Egyptian أبريل, Maghrebi أفريل, ماي);
    /// Norwegian is detected as `no`; Russian and Ukrainian are easily confused, so each tries the other.
    static let locales: [String: [String]] = [
        "no": ["nb"], "nb": ["nb"], "nn": ["nn", "nb"],
        "ru": ["ru", "uk"], "uk": ["uk", "ru"],
        "th": ["th@calendar=gregorian"],  // Thai defaults to the Buddhist calendar; years are converted first
        "ar": ["ar@numbers=latn", "ar_SY@numbers=latn", "ar_MA@numbers=latn", "ar_DZ@numbers=latn"],
    ]

    init() throws(HuskError) {
        // Month names are runs of word characters other than ASCII digits and `_`: ICU builds
        // `\w` once per process, while every `[\p{L}\p{M}]` in a pattern builds its own set
        // from the property tables, which cost more than the rest of start-up's regex work.
        let month = "(?:[\\w--[0-9_]]{1,3}\\.[\\w--[0-9_]]{1,3}\\.|[\\w--[0-9_]]{2,14}\\.?)(?:\\s*/\\s*[\\w--[0-9_]]{2,14}|\\s+ال[\\w--[0-9_]]{3,6})?"
        let ordinal = "(?:st|nd|rd|th|er|º|ª)?"
        let pattern = [
            "\\b\\d{4}-\\d{1,2}-\\d{1,2}(?!\\d)",  // also "2024-03-12T10:00:00Z"
            "\\b\\d{4}/\\d{1,2}/\\d{1,2}\\b",
            "\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日",
            "(?:令和|平成|民國|民国)\\s*(?:\\d{1,3}|元)\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日",
            "\\d{4}\\s*년\\s*\\d{1,2}\\s*월\\s*\\d{1,2}\\s*일",
            "\\b\\d{4}\\.\\s*\\d{1,2}\\.\\s*\\d{1,2}\\.?",
            "\\b\\d{1,2}\\s+(?i:tháng)\\s+\\d{1,2}\\s*(?:,|(?i:năm))?\\s*\\d{4}\\b",
            "\\b\\d{1,2}\(ordinal)\\.?\\s+(?:de\\s+)?\(month)\\s*,?\\s*(?:de\\s+)?\\d{4}\\b",
            "\\b\\d{1,2}-\(month)-\\d{4}\\b",  // "19-Dec-2025": day, month and year joined by hyphens
            "(?:\\b[\\w--[0-9_]]{3,12},?\\s+)?\\b\(month)\\s+\\d{1,2}\(ordinal),?\\s+\\d{4}\\b",
            "\\b\\d{4}\\.?\\s+\(month)\\s+\\d{1,2}\\.?",
            "\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{4}\\b",
            "\\b\\d{1,2}\\.\\s\\d{1,2}\\.\\s?\\d{4}\\b",
        ].joined(separator: "|")
        do {
            candidates = try ICURegex(pattern, options: [])
        } catch {
            throw .icu(error.name)
        }
    }

    /// Answers already found, by text and language: reading a document's metadata asks about
    /// the same header lines in several passes (title, byline, dateline, published and updated
    /// dates), and each search runs ICU's regex. Cleared when it grows past `memoLimit`.
    private var memo: [MemoKey: String?] = [:]
    static let memoLimit = 1024

    private struct MemoKey: Hashable {
        var text: String
        var language: String?
    }

    /// The first date in `text` as `YYYY-MM-DD`, read in `language` (English as fallback).
    func firstDate(in text: String, language: String?) -> String? {
        guard text.utf8.count <= 400, Self.mayHoldDate(text) else { return nil }
        let key = MemoKey(text: text, language: language)
        if let known = memo[key] { return known }
        if memo.count >= Self.memoLimit { memo.removeAll(keepingCapacity: true) }
        let found = search(text, language: language)
        memo[key] = .some(found)
        return found
    }

    private func search(_ text: String, language: String?) -> String? {
        let bytes = Self.separateGluedTimes(Array(text.utf8))
        var searchFrom = 0
        while searchFrom < bytes.count {
            guard let digit = Self.firstDigit(bytes, from: searchFrom) else { return nil }
            let earliest = Self.scalarsBack(bytes, from: digit, count: Self.maximumLeadBeforeDigit, floor: searchFrom)
            let outcome = bytes[searchFrom...].withUnsafeBufferPointer {
                candidates.firstMatch(in: $0, from: earliest - searchFrom)
            }
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

    /// Characters a candidate date may run before its first digit. The longest lead is a
    /// weekday (12), a comma and space, a month (15) with a second name after a slash (17), and
    /// a space: 47; the rest allows for doubled spaces. ICU's search costs about a microsecond
    /// per character tried, so it starts this far before the first digit, not at the line's start.
    static let maximumLeadBeforeDigit = 64

    /// Byte offset of the first decimal digit (any script, as `\d` matches) at or after `start`.
    static func firstDigit(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            var i = start
            while i < b.count {
                let c = b[i]
                if c < 0x80 {
                    if c >= 0x30 && c <= 0x39 { return i }
                    i += 1
                    continue
                }
                guard let (value, length) = UTF8Bytes.scalar(in: b, at: i) else {
                    i += 1
                    continue
                }
                if Self.isDecimalDigit(value) { return i }
                i += length
            }
            return nil
        }
    }

    /// Whether a code point is a decimal digit of any script, as the pattern's `\d` matches.
    static func isDecimalDigit(_ value: UInt32) -> Bool {
        Unicode.Scalar(value)?.properties.generalCategory == .decimalNumber
    }

    /// The byte offset `count` characters before `offset`, but not before `floor`.
    static func scalarsBack(_ bytes: [UInt8], from offset: Int, count: Int, floor: Int) -> Int {
        var i = offset
        var n = 0
        while i > floor && n < count {
            i -= 1
            if bytes[i] & 0xC0 != 0x80 { n += 1 }
        }
        return i
    }

    /// False when `text` certainly holds no date the candidate pattern knows: every form has
    /// four digits in a row (`\d{4}`, any script's digits) except the era years, which are
    /// written with 年. Most short lines with numbers (prices, times, counts) have neither, and
    /// the pattern's search is the costliest step of reading metadata.
    static func mayHoldDate(_ text: String) -> Bool {
        text.withBytes { b in
            var run = 0
            var i = 0
            while i < b.count {
                let c = b[i]
                if c < 0x80 {
                    run = c >= 0x30 && c <= 0x39 ? run + 1 : 0
                    if run >= 4 { return true }
                    i += 1
                    continue
                }
                guard let (value, length) = UTF8Bytes.scalar(in: b, at: i) else {
                    run = 0
                    i += 1
                    continue
                }
                if value == 0x5E74 { return true }  // 年
                run = Self.isDecimalDigit(value) ? run + 1 : 0
                if run >= 4 { return true }
                i += length
            }
            return false
        }
    }

    func parse(_ span: String, language: String?) -> String? {
        let language = language.map { Self.base($0) }
        var span = Self.asciiDigits(span)
        if language == "th" { span = Self.gregorianYears(span) }
        if let day = Self.numeric(span, language: language) { return day }
        let cleaned = Self.clean(span)
        // "14 نيسان/أبريل 2024": one month named two ways; try each.
        var texts = [cleaned]
        // Abbreviations with inner dots ("ต.ค.", "janv.") keep their dots.
        let dotted = span.split(whereSeparator: { $0 == " " || $0 == "," }).joined(separator: " ")
        if dotted != cleaned { texts.append(dotted) }
        if let slash = cleaned.firstIndex(of: "/") {
            let before = cleaned[..<slash].split(separator: " ")
            let after = cleaned[cleaned.index(after: slash)...].split(separator: " ")
            if let a = before.last, let b = after.first {
                texts.append((before.dropLast() + [a] + after.dropFirst()).joined(separator: " "))
                texts.append((before.dropLast() + [b] + after.dropFirst()).joined(separator: " "))
            }
        }
        let lang = language ?? "en"
        var locales = Self.locales[lang] ?? [lang]
        if lang != "en" { locales.append("en") }
        for locale in locales {
            for format in formatters(locale, language: locale == "en" ? "en" : lang) {
                for text in texts {
                    if let day = format.parse(text), (1900...2100).contains(day.year) {
                        return Self.iso(day)
                    }
                }
            }
        }
        return nil
    }

    private func formatters(_ locale: String, language: String) -> [DateFormat] {
        if let ready = formats[locale] { return ready }
        let key = Self.patterns[Self.base(locale)] != nil ? Self.base(locale) : language
        let made = (Self.patterns[key] ?? Self.patterns["en"] ?? []).compactMap { try? DateFormat(pattern: $0, locale: locale) }
        formats[locale] = made
        return made
    }

    /// The language part of a locale id: `pt_BR` → `pt`, `ar@numbers=latn` → `ar`, `no` → `nb`.
    static func base(_ code: String) -> String {
        let lang = String(code.prefix { $0 != "_" && $0 != "-" && $0 != "@" }).lowercased()
        return lang
    }

    /// Every decimal digit (Arabic-Indic, Thai, full-width...) as its ASCII digit.
    static func asciiDigits(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII && $0.properties.numericType == .decimal }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if !s.isASCII, s.properties.numericType == .decimal, let v = s.properties.numericValue,
                let digit = Unicode.Scalar(UInt32(48 + Int(v)))
            {
                out.append(digit)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// Thai Buddhist-era years (2566) as Gregorian years (2023).
    static func gregorianYears(_ text: String) -> String {
        var out = ""
        var digits = ""
        func flush() {
            if digits.count == 4, let year = Int(digits), (2400...2700).contains(year) {
                out += String(year - 543)
            } else {
                out += digits
            }
            digits = ""
        }
        for c in text {
            if c.isASCII && c.isNumber {
                digits.append(c)
            } else {
                flush()
                out.append(c)
            }
        }
        flush()
        return out
    }

    /// "Nov 19 20197:05 AM": scraping glued the year to the time; a space goes back between them
    /// (a year 19xx or 20xx directly followed by h:mm or hh:mm); likewise a year glued to a word.
    static func separateGluedTimes(_ b: [UInt8]) -> [UInt8] {
        func digit(_ k: Int) -> Bool { k >= 0 && k < b.count && b[k] >= 0x30 && b[k] <= 0x39 }
        func letter(_ k: Int) -> Bool { k >= 0 && k < b.count && ((b[k] | 0x20) >= 0x61 && (b[k] | 0x20) <= 0x7A) }
        guard b.contains(0x3A) || b.contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return b }
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 4)
        var i = 0
        while i < b.count {
            out.append(b[i])
            let startsYear = i >= 3 && !digit(i - 4) && digit(i - 3) && digit(i - 2) && digit(i - 1) && digit(i)
                && ((b[i - 3] == 0x31 && b[i - 2] == 0x39) || (b[i - 3] == 0x32 && b[i - 2] == 0x30))
            if startsYear && digit(i + 1)
                && ((i + 2 < b.count && b[i + 2] == 0x3A) || (digit(i + 2) && i + 3 < b.count && b[i + 3] == 0x3A))
            {
                out.append(0x20)
            }
            // "August 25, 2025August 29, 2025", "Dec 17, 2025Julian K. Arni": a year glued to
            // the next word (page layout lost its spacing).
            let endsYear = i >= 3 && !digit(i - 4) && digit(i - 3) && digit(i - 2) && digit(i - 1) && digit(i)
                && ((b[i - 3] == 0x31 && b[i - 2] == 0x39) || (b[i - 3] == 0x32 && b[i - 2] == 0x30))
            if endsYear && letter(i + 1) && !letter(i - 4) { out.append(0x20) }
            i += 1
        }
        return out
    }

    /// ISO, CJK, year-first and day-first numeric forms, which need no month names.
    /// Ambiguous `03/05/2024` is month-first in English (and unknown languages), day-first elsewhere.
    static func numeric(_ span: String, language: String? = nil) -> String? {
        var digits = span.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).compactMap { Int($0) }
        // Japanese and Taiwanese era years: 令和6年 = 2024, 平成元年 = 1989, 民國113年 = 2024.
        for (era, offset) in [("令和", 2018), ("平成", 1988), ("民國", 1911), ("民国", 1911)] where span.hasPrefix(era) {
            if span.dropFirst(era.count).trimmingSpaces.hasPrefix("元") { digits.insert(1, at: 0) }
            guard digits.count == 3 else { return nil }
            return valid(digits[0] + offset, digits[1], digits[2])
        }
        guard digits.count == 3 else { return nil }
        if digits[0] >= 1900 && digits[0] <= 2100 {
            return valid(digits[0], digits[1], digits[2])
        }
        guard digits[2] >= 1900 && digits[2] <= 2100 else { return nil }
        let english = language == nil || language == "en"
        // d.m.y is day-first everywhere.
        if span.contains(".") && !span.contains("/") {
            return valid(digits[2], digits[1], digits[0])
        }
        if span.contains("/") || span.contains("-") {
            if digits[0] > 12 { return valid(digits[2], digits[1], digits[0]) }
            if digits[1] > 12 { return valid(digits[2], digits[0], digits[1]) }
            return english ? valid(digits[2], digits[0], digits[1]) : valid(digits[2], digits[1], digits[0])
        }
        // "11 tháng 6 năm 2024" and other spelled-out numeric forms: day-first.
        if !english && span.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) {
            return valid(digits[2], digits[1], digits[0])
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
            if previousDigit, s == "º" || s == "ª" {
                i += 1
                continue
            }
            if previousDigit, i + 1 < scalars.count, (s == "e" || s == "E"), (scalars[i + 1] == "r" || scalars[i + 1] == "R"),
                i + 2 == scalars.count || !scalars[i + 2].properties.isAlphabetic
            {
                i += 2
                continue
            }
            // "19-Dec-2025": a hyphen between a number and a month name separates them as a space does.
            let hyphenAfterDigit = s == "-" && previousDigit && i + 1 < scalars.count && scalars[i + 1].properties.isAlphabetic
            let hyphenBeforeDigit = s == "-" && i > 0 && scalars[i - 1].properties.isAlphabetic && i + 1 < scalars.count
                && scalars[i + 1].properties.numericType != nil
            if s == "," || s == "،" || hyphenAfterDigit || hyphenBeforeDigit
                || (s == "." && (previousDigit || i + 1 == scalars.count || scalars[i + 1] == " "))
            {
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

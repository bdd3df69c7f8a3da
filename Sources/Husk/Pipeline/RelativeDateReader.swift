import ICUKit

/// Reads relative dates ("3 hours ago", "vor 2 Tagen", "yesterday") against a known reference
/// date, from the word table in `Rules/metadata/relative-dates.txt`.
///
/// Only a date from the input's own metadata or `--reference-date` is a reference: the clock
/// at cleaning time never is, so the same input always gives the same output.
struct RelativeDateReader: Sendable {
    enum Unit: String, Sendable {
        case minute, hour, day, week, month, year
    }

    struct Language: Sendable {
        var prefix: [[String]] = []
        var suffix: [[String]] = []
        var units: [String: Unit] = [:]
        var one: Set<String> = []
        var days: [String: Int] = [:]
    }

    let languages: [String: Language]

    init(table: String) {
        var languages: [String: Language] = [:]
        for raw in table.split(separator: "\n") {
            let line = raw.trimmingSpaces
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let words = line.split(separator: " ").map(String.init)
            guard words.count >= 3 else { continue }
            var language = languages[words[0]] ?? Language()
            switch words[1] {
            case "prefix": language.prefix.append(Array(words[2...]))
            case "suffix": language.suffix.append(Array(words[2...]))
            case "unit":
                if let unit = Unit(rawValue: words[2]) { for w in words[3...] { language.units[w] = unit } }
            case "one": for w in words[2...] { language.one.insert(w) }
            case "day":
                if let offset = Int(words[2]) { for w in words[3...] { language.days[w] = offset } }
            default: continue
            }
            languages[words[0]] = language
        }
        self.languages = languages
    }

    /// The day `text` names relative to `reference` (`YYYY-MM-DD`, optionally with a time), in
    /// the document's language or English; nil when it names none.
    func day(in text: String, language: String?, reference: String) -> String? {
        guard let base = ReferenceTime(reference) else { return nil }
        let tokens = Self.tokens(text)
        var codes = [language.map { DateFinder.base($0) } ?? "en"]
        if codes[0] != "en" { codes.append("en") }
        for code in codes {
            guard let table = languages[code] else { continue }
            for (k, token) in tokens.enumerated() {
                if let offset = table.days[token] { return base.adding(days: offset) }
                guard let unit = table.units[token], k >= 1 else { continue }
                let amountToken = tokens[k - 1]
                guard let amount = Int(amountToken) ?? (table.one.contains(amountToken) ? 1 : nil), amount >= 0, amount < 10_000
                else { continue }
                let before = Array(tokens[..<(k - 1)])
                let after = Array(tokens[(k + 1)...])
                let prefixed = table.prefix.contains { before.count >= $0.count && Array(before.suffix($0.count)) == $0 }
                let suffixed = table.suffix.contains { after.count >= $0.count && Array(after.prefix($0.count)) == $0 }
                guard prefixed || suffixed else { continue }
                return base.subtracting(amount, unit)
            }
        }
        return nil
    }

    /// Lowercased words; digits split from letters ("3h" stays one token, "3 hours" two).
    static func tokens(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") })
            .map { String($0.replacing("’", with: "'")) }
    }
}

/// A reference instant: a proleptic Gregorian day and, when known, minutes into it.
struct ReferenceTime {
    var days: Int
    var minutes: Int?

    /// `YYYY-MM-DD`, optionally followed by `THH:MM` (the rest of ISO 8601 is ignored).
    init?(_ text: String) {
        let b = Array(text.utf8)
        func number(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= b.count else { return nil }
            var v = 0
            for i in r {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        guard b.count >= 10, b[4] == 0x2D, b[7] == 0x2D, let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
            DateFinder.valid(y, m, d) != nil
        else { return nil }
        days = Day(year: y, month: m, day: d).daysSinceEpoch
        if b.count >= 16, b[10] == 0x54 || b[10] == 0x20, b[13] == 0x3A, let h = number(11..<13), let mi = number(14..<16), h < 24, mi < 60 {
            minutes = h * 60 + mi
        }
    }

    func adding(days offset: Int) -> String { Self.iso(days + offset) }

    func subtracting(_ amount: Int, _ unit: RelativeDateReader.Unit) -> String {
        switch unit {
        case .minute, .hour:
            let total = amount * (unit == .hour ? 60 : 1)
            // Without a time of day the reference is taken as its end (the day it names).
            let now = minutes ?? (24 * 60 - 1)
            return Self.iso(days + Int((Double(now - total) / 1440).rounded(.down)))
        case .day: return Self.iso(days - amount)
        case .week: return Self.iso(days - 7 * amount)
        case .month, .year:
            let today = Day(daysSinceEpoch: days)
            var (y, m, d) = (today.year, today.month, today.day)
            let months = y * 12 + (m - 1) - amount * (unit == .year ? 12 : 1)
            y = months / 12
            m = months % 12 + 1
            while DateFinder.valid(y, m, d) == nil && d > 28 { d -= 1 }
            return Self.iso(Day(year: y, month: m, day: d).daysSinceEpoch)
        }
    }

    static func iso(_ days: Int) -> String {
        let day = Day(daysSinceEpoch: days)
        return DateFinder.valid(day.year, day.month, day.day) ?? ""
    }
}

import ICUKit

/// Reads the rules format (`Rules/README.md`): INI-like sections, one per rule.
///
/// ```
/// [drop-share-prompts]
/// category = share
/// action = drop
/// keywords = share, tweet
/// pattern = ^share (this|on)\b
/// match = Share this article
/// no-match = We share a border with them.
/// ```
/// Every problem is collected with its `FILE:LINE:COL`, so one run reports them all.
struct RuleParser {
    let file: String
    /// Compile each pattern to report syntax errors (off for the embedded, already-tested defaults).
    var validatePatterns = true

    func parse(_ text: String) -> (rules: [Rule], diagnostics: [RuleDiagnostic]) {
        var rules: [Rule] = []
        var diagnostics: [RuleDiagnostic] = []
        /// The rule being read, boxed so each key edits it in place (a `Rule` in an optional
        /// was copied out and back for every line).
        final class Draft {
            var rule: Rule
            init(_ rule: Rule) { self.rule = rule }
        }
        var current: Draft? = nil
        var seen: [String: Int] = [:]

        func report(_ line: Int, _ column: Int, _ message: String) {
            diagnostics.append(RuleDiagnostic(file: file, line: line, column: column, message: message))
        }
        func close() {
            guard let rule = current?.rule else { return }
            current = nil
            if rule.patterns.isEmpty { report(rule.line, 1, "rule '\(rule.id)' has no pattern") }
            if rule.category.isEmpty { report(rule.line, 1, "rule '\(rule.id)' has no category") }
            rules.append(rule)
        }

        // Byte-level reading: the embedded defaults are parsed at every start-up. Columns are
        // counted in characters, and only when a problem is reported.
        var text = text
        text.withUTF8 { all in
            var number = 0
            var start = 0
            while start <= all.count {
                var end = start
                while end < all.count && all[end] != 0x0A { end += 1 }
                number += 1
                let bytes = UnsafeBufferPointer(rebasing: all[start..<end])
                start = end + 1
                var lo = 0
                var hi = bytes.count
                while lo < hi && bytes[lo] == 0x20 { lo += 1 }
                while hi > lo && bytes[hi - 1] == 0x20 { hi -= 1 }
                guard lo < hi, bytes[lo] != 0x23 else { continue }
                func column(_ offset: Int) -> Int { String(decoding: bytes[..<offset], as: UTF8.self).count + 1 }
                func string(_ from: Int, _ to: Int) -> String { String(decoding: bytes[from..<to], as: UTF8.self) }
                if bytes[lo] == 0x5B {
                    close()
                    guard bytes[hi - 1] == 0x5D, hi - lo >= 2 else {
                        report(number, column(hi) - column(lo) + 2, "expected ']' to close the rule id")
                        continue
                    }
                    let id = string(lo + 1, hi - 1).trimmingSpaces
                    if !Self.isKebabCase(id) {
                        report(number, 2, "rule id '\(id)' must be kebab-case (letters, digits, '-')")
                    }
                    if let first = seen[id] {
                        report(number, 2, "duplicate rule id '\(id)' (first defined at line \(first))")
                    }
                    seen[id] = number
                    current = Draft(Rule(
                        id: id, category: "", scope: .line, action: .drop, languages: [], patterns: [], keywords: [],
                        maxLength: nil, caseSensitive: false, examples: [], counterExamples: [], file: file, line: number))
                    continue
                }
                guard let eq = bytes[lo..<hi].firstIndex(of: 0x3D) else {
                    report(number, lo + 1, "expected 'key = value' or '[rule-id]'")
                    continue
                }
                var keyEnd = eq
                while keyEnd > lo && bytes[keyEnd - 1] == 0x20 { keyEnd -= 1 }
                var valueStart = eq + 1
                while valueStart < hi && bytes[valueStart] == 0x20 { valueStart += 1 }
                guard current != nil else {
                    report(number, lo + 1, "'\(string(lo, keyEnd))' outside a rule; start one with '[rule-id]'")
                    continue
                }
                let key = Key(UnsafeBufferPointer(rebasing: bytes[lo..<keyEnd]))
                // Examples are only read when they are checked (the embedded defaults are not).
                if !validatePatterns && (key == .match || key == .noMatch) { continue }
                guard let draft = current else { continue }
                if key == .keywords {
                    // Read straight from the line's bytes: every rule has a list, read at start-up.
                    draft.rule.keywords = Self.keywords(UnsafeBufferPointer(rebasing: bytes[valueStart..<hi]))
                    continue
                }
                apply(key: key, name: { string(lo, keyEnd) }, value: string(valueStart, hi), line: number, column: lo + 1,
                      valueColumn: { column(valueStart) }, to: &draft.rule, report: report)
            }
        }
        close()
        return (rules, diagnostics)
    }

    /// The keys of the format, recognized on bytes (no `String` per line).
    enum Key: Equatable {
        case category, scope, action, lang, pattern, keywords, maxLength, caseSensitivity, match, noMatch, unknown

        init(_ b: UnsafeBufferPointer<UInt8>) {
            func equals(_ word: StaticString) -> Bool {
                word.utf8CodeUnitCount == b.count && word.withUTF8Buffer { $0.elementsEqual(b) }
            }
            switch b.first {
            case 0x63: self = equals("category") ? .category : equals("case") ? .caseSensitivity : .unknown
            case 0x73: self = equals("scope") ? .scope : .unknown
            case 0x61: self = equals("action") ? .action : .unknown
            case 0x6C: self = equals("lang") ? .lang : .unknown
            case 0x70: self = equals("pattern") ? .pattern : .unknown
            case 0x6B: self = equals("keywords") ? .keywords : .unknown
            case 0x6D: self = equals("max-length") ? .maxLength : equals("match") ? .match : .unknown
            case 0x6E: self = equals("no-match") ? .noMatch : .unknown
            default: self = .unknown
            }
        }
    }

    private func apply(
        key: Key, name: () -> String, value: String, line: Int, column: Int, valueColumn: () -> Int,
        to rule: inout Rule, report: (Int, Int, String) -> Void
    ) {
        switch key {
        case .category:
            rule.category = value
        case .scope:
            guard let scope = Rule.Scope(rawValue: value) else {
                report(line, valueColumn(), "unknown scope '\(value)' (use line or block)")
                return
            }
            rule.scope = scope
        case .action:
            guard let action = Rule.Action(value) else {
                report(line, valueColumn(),
                       "unknown action '\(value)' (use drop, drop-rest, drop-before, protect, hint or extract:FIELD)")
                return
            }
            rule.action = action
        case .lang:
            rule.languages = value == "*" ? [] : Self.list(value)
        case .pattern:
            do {
                if validatePatterns { _ = try ICURegex(value, options: rule.caseSensitive ? [] : .caseInsensitive) }
                rule.patterns.append(value)
            } catch {
                let offset = max(0, error.offset)
                report(line, valueColumn() + offset, "invalid pattern (\(error.name))")
            }
        case .keywords:
            rule.keywords = value.withBytes { Self.keywords($0) }
        case .maxLength:
            guard let n = Int(value), n > 0 else {
                report(line, valueColumn(), "max-length must be a positive number")
                return
            }
            rule.maxLength = n
        case .caseSensitivity:
            guard value == "sensitive" || value == "insensitive" else {
                report(line, valueColumn(), "case must be 'sensitive' or 'insensitive'")
                return
            }
            rule.caseSensitive = value == "sensitive"
        case .match:
            rule.examples.append(value)
        case .noMatch:
            rule.counterExamples.append(value)
        case .unknown:
            report(line, column, "unknown key '\(name())'")
        }
    }

    /// Comma-separated items without their spaces, split on bytes (a comma is never part of
    /// another character's UTF-8).
    static func list(_ value: String) -> [String] {
        value.withBytes { items($0) { String(decoding: $0, as: UTF8.self) } }
    }

    /// A `keywords` value's items with ASCII capitals folded (other scripts' keywords are
    /// lowercased when a matcher first needs them, see `lowercasedKeyword`: Unicode case lookups
    /// for every rule of every language were a tenth of start-up).
    static func keywords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        items(bytes) { item in
            item.contains(where: { $0 >= 0x41 && $0 <= 0x5A })
                ? String(decoding: item.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
                : String(decoding: item, as: UTF8.self)
        }
    }

    /// Each non-empty comma-separated item of `bytes`, without its spaces, made into a string.
    private static func items(_ bytes: UnsafeBufferPointer<UInt8>, _ make: (UnsafeBufferPointer<UInt8>) -> String) -> [String] {
        var out: [String] = []
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x2C { end += 1 }
            var lo = start
            var hi = end
            while lo < hi && bytes[lo] == 0x20 { lo += 1 }
            while hi > lo && bytes[hi - 1] == 0x20 { hi -= 1 }
            if lo < hi { out.append(make(UnsafeBufferPointer(rebasing: bytes[lo..<hi]))) }
            start = end + 1
        }
        return out
    }

    /// A keyword as the scanner matches it: lowercase (Unicode). Keywords are written in
    /// lowercase, so only those with a character that changes are lowercased.
    static func lowercasedKeyword(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word }
        return word.unicodeScalars.contains { $0.properties.changesWhenLowercased } ? word.lowercased() : word
    }

    static func isKebabCase(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.properties.isLowercase || ("0"..."9").contains(first) else {
            return false
        }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

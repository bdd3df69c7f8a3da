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
        var current: Rule? = nil
        var seen: [String: Int] = [:]

        func report(_ line: Int, _ column: Int, _ message: String) {
            diagnostics.append(RuleDiagnostic(file: file, line: line, column: column, message: message))
        }
        func close() {
            guard let rule = current else { return }
            current = nil
            if rule.patterns.isEmpty { report(rule.line, 1, "rule '\(rule.id)' has no pattern") }
            if rule.category.isEmpty { report(rule.line, 1, "rule '\(rule.id)' has no category") }
            rules.append(rule)
        }

        for (index, bytes) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            guard let first = bytes.first(where: { $0 != 0x20 }), first != 0x23 else { continue }
            let rawLine = String(decoding: bytes, as: UTF8.self)
            let line = rawLine.trimmingSpaces
            if line.hasPrefix("[") {
                close()
                guard line.hasSuffix("]") else {
                    report(number, line.count + 1, "expected ']' to close the rule id")
                    continue
                }
                let id = String(line.dropFirst().dropLast()).trimmingSpaces
                if !Self.isKebabCase(id) {
                    report(number, 2, "rule id '\(id)' must be kebab-case (letters, digits, '-')")
                }
                if let first = seen[id] {
                    report(number, 2, "duplicate rule id '\(id)' (first defined at line \(first))")
                }
                seen[id] = number
                current = Rule(
                    id: id, category: "", scope: .line, action: .drop, languages: [], patterns: [], keywords: [],
                    maxLength: nil, caseSensitive: false, examples: [], counterExamples: [], file: file, line: number)
                continue
            }
            let indent = rawLine.prefix(while: { $0 == " " }).count
            guard let eq = line.firstIndex(of: "=") else {
                report(number, indent + 1, "expected 'key = value' or '[rule-id]'")
                continue
            }
            let key = line[..<eq].trimmingSpaces
            let value = line[line.index(after: eq)...].trimmingSpaces
            let valueColumn = indent + line.distance(from: line.startIndex, to: eq) + 2
                + line[line.index(after: eq)...].prefix(while: { $0 == " " }).count
            guard current != nil else {
                report(number, indent + 1, "'\(key)' outside a rule; start one with '[rule-id]'")
                continue
            }
            apply(key: key, value: value, line: number, column: indent + 1, valueColumn: valueColumn,
                  to: &current, report: report)
        }
        close()
        return (rules, diagnostics)
    }

    private func apply(
        key: String, value: String, line: Int, column: Int, valueColumn: Int,
        to current: inout Rule?, report: (Int, Int, String) -> Void
    ) {
        guard var rule = current else { return }
        switch key {
        case "category":
            rule.category = value
        case "scope":
            guard let scope = Rule.Scope(rawValue: value) else {
                report(line, valueColumn, "unknown scope '\(value)' (use line or block)")
                return
            }
            rule.scope = scope
        case "action":
            guard let action = Rule.Action(value) else {
                report(line, valueColumn,
                       "unknown action '\(value)' (use drop, drop-rest, drop-before, protect, hint or extract:FIELD)")
                return
            }
            rule.action = action
        case "lang":
            rule.languages = value == "*" ? [] : Self.list(value)
        case "pattern":
            do {
                if validatePatterns { _ = try ICURegex(value, options: rule.caseSensitive ? [] : .caseInsensitive) }
                rule.patterns.append(value)
            } catch {
                let offset = max(0, error.offset)
                report(line, valueColumn + offset, "invalid pattern (\(error.name))")
            }
        case "keywords":
            rule.keywords = Self.list(value).map { $0.lowercased() }
        case "max-length":
            guard let n = Int(value), n > 0 else {
                report(line, valueColumn, "max-length must be a positive number")
                return
            }
            rule.maxLength = n
        case "case":
            guard value == "sensitive" || value == "insensitive" else {
                report(line, valueColumn, "case must be 'sensitive' or 'insensitive'")
                return
            }
            rule.caseSensitive = value == "sensitive"
        case "match":
            rule.examples.append(value)
        case "no-match":
            rule.counterExamples.append(value)
        default:
            report(line, column, "unknown key '\(key)'")
            return
        }
        current = rule
    }

    static func list(_ value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }

    static func isKebabCase(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.properties.isLowercase || ("0"..."9").contains(first) else {
            return false
        }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

/// Rewrites a case-insensitive pattern so ICU does not build case closures of classes that
/// have no case to close.
///
/// Compiled case-insensitively, ICU closes every character class over case mapping. For
/// `[\p{L}\p{M}'’.\-]` that walks every letter in Unicode and costs about 2 ms per class, so a
/// rule set's lazy compiles were a measurable share of a run (and most of a short one). A class
/// built only from letter, mark and number properties, caseless scripts, and literals without
/// case is already its own closure; wrapped in `(?-i:…)` it compiles at the speed of a
/// case-sensitive one and matches the same text. The one character in Unicode that closure adds
/// to letters alone, U+0345 (a combining mark that folds to ι), is not added here.
enum CaselessClasses {
    /// Properties equal to their own case closure: a letter's other case is a letter, a number's a number.
    static let closedProperties: Set<String> = [
        "L", "M", "N", "Nd", "Letter", "Mark", "Number", "Han", "Hiragana", "Katakana", "Thai", "Arabic", "Hebrew",
        "Hangul", "Devanagari", "Bengali", "Tamil", "Khmer", "Lao", "Myanmar", "Ethiopic", "Georgian",
    ]

    /// `pattern` with each caseless class wrapped in `(?-i:…)`; anything not understood is copied as is.
    static func rewrite(_ pattern: String) -> String {
        // Quoted text (\Q…\E) is not parsed here: leave such patterns alone.
        guard !pattern.contains("\\Q") else { return pattern }
        let s = Array(pattern.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "\\", i + 1 < s.count {
                if let end = propertyEnd(s, i), isClosed(s, i, end) {
                    out.append(contentsOf: "(?-i:".unicodeScalars)
                    out.append(contentsOf: s[i..<end])
                    out.append(")")
                    i = end
                } else {
                    out.append(contentsOf: s[i...i + 1])
                    i += 2
                }
            } else if c == "[" {
                let flat = classEnd(s, i)
                let caseless = flat.map { isCaselessClass(s, i, $0) } ?? false
                let end = flat ?? nestedEnd(s, i)
                if caseless { out.append(contentsOf: "(?-i:".unicodeScalars) }
                out.append(contentsOf: s[i..<end])
                if caseless { out.append(")") }
                i = end
            } else {
                out.append(c)
                i += 1
            }
        }
        return String(out)
    }

    /// End (exclusive) of `\p{…}` or `\P{…}` starting at `i`, or nil.
    private static func propertyEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        guard i + 2 < s.count, s[i] == "\\", s[i + 1] == "p" || s[i + 1] == "P", s[i + 2] == "{" else { return nil }
        var k = i + 3
        while k < s.count && s[k] != "}" { k += 1 }
        return k < s.count ? k + 1 : nil
    }

    /// Whether the property escape `s[i..<end]` names a closed property.
    private static func isClosed(_ s: [Unicode.Scalar], _ i: Int, _ end: Int) -> Bool {
        var name = String(String.UnicodeScalarView(s[(i + 3)..<(end - 1)]))
        for prefix in ["General_Category=", "gc=", "Script=", "sc="] where name.hasPrefix(prefix) {
            name.removeFirst(prefix.count)
        }
        return closedProperties.contains(name)
    }

    /// End (exclusive) of a flat class `[…]` starting at `i`; nil for nested or unterminated ones.
    private static func classEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        var k = i + 1
        if k < s.count && s[k] == "^" { k += 1 }
        if k < s.count && s[k] == "]" { k += 1 }  // a leading ] is a literal
        while k < s.count {
            switch s[k] {
            case "\\": k += 2
            case "[": return nil
            case "]": return k + 1
            default: k += 1
            }
        }
        return nil
    }

    /// End (exclusive) of a class with classes nested in it, copied as it is.
    private static func nestedEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int {
        var depth = 0
        var k = i
        while k < s.count {
            switch s[k] {
            case "\\": k += 1
            case "[": depth += 1
            case "]":
                depth -= 1
                if depth == 0 { return k + 1 }
            default: break
            }
            k += 1
        }
        return s.count
    }

    /// Whether the flat class `s[i..<end]` holds a closed property and nothing with case.
    private static func isCaselessClass(_ s: [Unicode.Scalar], _ i: Int, _ end: Int) -> Bool {
        var k = i + 1
        guard s[k] != "^" else { return false }
        var hasProperty = false
        while k < end - 1 {
            let c = s[k]
            if c == "\\" {
                if let close = propertyEnd(s, k) {
                    guard close <= end - 1, s[k + 1] == "p", isClosed(s, k, close) else { return false }
                    hasProperty = true
                    k = close
                    continue
                }
                let escaped = s[k + 1]
                // Class shorthands are closed; hex and named escapes could name a cased letter.
                if escaped.properties.isAlphabetic && !"sSdDwWhHvVtnr".unicodeScalars.contains(escaped) { return false }
                if !escaped.properties.isAlphabetic && escaped.properties.changesWhenCaseMapped { return false }
                k += 2
                continue
            }
            if c.properties.changesWhenCaseMapped { return false }
            k += 1
        }
        return hasProperty
    }
}

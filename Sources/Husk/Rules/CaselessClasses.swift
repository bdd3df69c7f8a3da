/// Rewrites a case-insensitive pattern so ICU does not build case closures of classes that
/// have no case to close.
///
/// Compiled case-insensitively, ICU closes every character class over case mapping. For
/// `[\p{L}\p{M}'’.\-]` that walks every letter in Unicode and costs about 2 ms per class, so a
/// rule set's lazy compiles were a measurable share of a run (and most of a short one). A class
/// built only from letter, mark and number properties, `\w`-style shorthands, caseless scripts,
/// literals without case, and nested classes of the same kind is already its own closure;
/// wrapped in `(?-i:…)` it compiles at the speed of a case-sensitive one and matches the same
/// text. The one character in Unicode that closure adds to letters alone, U+0345 (a combining
/// mark that folds to ι), is not added here.
///
/// Works on the pattern's UTF-8 bytes: every syntax character is ASCII, and rules are compiled
/// lazily in every run, so the rewrite's own cost counts too.
enum CaselessClasses {
    /// Properties equal to their own case closure: a letter's other case is a letter, a number's a number.
    static let closedProperties: Set<String> = [
        "L", "M", "N", "Nd", "Letter", "Mark", "Number", "Alphabetic", "Han", "Hiragana", "Katakana", "Thai", "Arabic",
        "Hebrew", "Hangul", "Devanagari", "Bengali", "Tamil", "Khmer", "Lao", "Myanmar", "Ethiopic", "Georgian",
    ]

    /// `pattern` with each caseless class wrapped in `(?-i:…)`; anything not understood is copied as is.
    static func rewrite(_ pattern: String) -> String {
        // Quoted text (\Q…\E) is not parsed here: leave such patterns alone.
        guard pattern.firstByteOffset(of: "\\Q") == nil else { return pattern }
        let s = Array(pattern.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(s.count + 16)
        func wrapped(_ range: Range<Int>) {
            out.append(contentsOf: "(?-i:".utf8)
            out.append(contentsOf: s[range])
            out.append(0x29)
        }
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == 0x5C, i + 1 < s.count {
                if let end = propertyEnd(s, i), isClosed(s, i, end) {
                    wrapped(i..<end)
                    i = end
                } else {
                    out.append(contentsOf: s[i...(i + 1)])
                    i += 2
                }
            } else if c == 0x5B {
                let end = classEnd(s, i)
                let kind = end <= s.count && s[end - 1] == 0x5D ? contents(s, i + 1, end - 1) : (caseless: false, property: false)
                if kind.caseless && kind.property { wrapped(i..<end) } else { out.append(contentsOf: s[i..<end]) }
                i = end
            } else {
                out.append(c)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// End (exclusive) of `\p{…}` or `\P{…}` starting at `i`, or nil.
    private static func propertyEnd(_ s: [UInt8], _ i: Int) -> Int? {
        guard i + 2 < s.count, s[i] == 0x5C, s[i + 1] == 0x70 || s[i + 1] == 0x50, s[i + 2] == 0x7B else { return nil }
        var k = i + 3
        while k < s.count && s[k] != 0x7D { k += 1 }
        return k < s.count ? k + 1 : nil
    }

    /// Whether the property escape `s[i..<end]` names a closed property.
    private static func isClosed(_ s: [UInt8], _ i: Int, _ end: Int) -> Bool {
        var name = String(decoding: s[(i + 3)..<(end - 1)], as: UTF8.self)
        for prefix in ["General_Category=", "gc=", "Script=", "sc="] where name.hasPrefix(prefix) {
            name.removeFirst(prefix.count)
        }
        return closedProperties.contains(name)
    }

    /// End (exclusive) of the class opening at `i`, nested classes included (`s.count` when
    /// unterminated). A `]` right after the opening `[` or `[^` is a literal.
    private static func classEnd(_ s: [UInt8], _ i: Int) -> Int {
        var depth = 0
        var k = i
        while k < s.count {
            switch s[k] {
            case 0x5C:
                k += 2
                continue
            case 0x5B:
                depth += 1
                k += 1
                if k < s.count && s[k] == 0x5E { k += 1 }
                if k < s.count && s[k] == 0x5D { k += 1 }
                continue
            case 0x5D:
                depth -= 1
                if depth == 0 { return k + 1 }
            default:
                break
            }
            k += 1
        }
        return s.count
    }

    /// Whether the class contents `s[lo..<hi]` have no case (every part is a closed property,
    /// a shorthand, a caseless literal or a caseless nested class, joined by ranges or the set
    /// operators `--` and `&&`), and whether they hold a property, the part worth wrapping.
    private static func contents(_ s: [UInt8], _ lo: Int, _ hi: Int) -> (caseless: Bool, property: Bool) {
        let no = (caseless: false, property: false)
        var k = lo
        guard k < hi, s[k] != 0x5E else { return no }
        var property = false
        while k < hi {
            let c = s[k]
            if c == 0x5C {
                guard k + 1 < hi else { return no }
                if let close = propertyEnd(s, k) {
                    guard close <= hi, s[k + 1] == 0x70, isClosed(s, k, close) else { return no }
                    property = true
                    k = close
                    continue
                }
                let escaped = s[k + 1]
                if escaped >= 0x80 {
                    guard let (value, length) = scalar(s, k + 1), !changesCase(value) else { return no }
                    k += 1 + length
                    continue
                }
                if isASCIILetter(escaped) {
                    // Class shorthands are closed; hex and named escapes could name a cased letter.
                    guard "sSdDwWhHvVtnr".utf8.contains(escaped) else { return no }
                    if escaped == 0x77 || escaped == 0x57 { property = true }
                }
                k += 2
                continue
            }
            if c == 0x5B {
                let end = classEnd(s, k)
                guard end <= hi, s[end - 1] == 0x5D else { return no }
                let inner = contents(s, k + 1, end - 1)
                guard inner.caseless else { return no }
                property = property || inner.property
                k = end
                continue
            }
            if c < 0x80 {
                if isASCIILetter(c) { return no }
                k += 1
                continue
            }
            guard let (value, length) = scalar(s, k), !changesCase(value) else { return no }
            k += length
        }
        return (true, property)
    }

    private static func scalar(_ s: [UInt8], _ i: Int) -> (value: UInt32, length: Int)? {
        s.withUnsafeBufferPointer { UTF8Bytes.scalar(in: $0, at: i) }
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    private static func changesCase(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return true }
        return scalar.properties.changesWhenCaseMapped
    }
}

import ICUKit

/// Finds the rules that match a block, cheaply: a keyword automaton picks candidate rules in
/// one pass over the bytes, length limits skip long prose, and only candidates run their regex.
///
/// Holds ICU matchers, which carry state: one instance per thread.
final class RuleMatcher {
    let rules: [Rule]
    private var compiled: [[ICURegex]?]
    private let scanner: KeywordScanner
    private let unfiltered: [Int]
    private let defaultMaxLength: Int
    /// Rules whose pattern hit ICU's time or stack limit (reported once by the caller).
    private(set) var limitExceeded: Set<String> = []
    /// Rules that hit a limit in the current document: skipped for its remaining blocks, so one
    /// catastrophic pattern costs one time-out per document, not one per block.
    private var stopped: Set<Int> = []

    /// Forgets the stopped rules; called when a document starts.
    func startDocument() {
        stopped.removeAll()
    }

    /// Blocks longer than this reach no rule at all.
    private let longestReach: Int

    init(rules: RuleSet, keywords: KeywordAutomaton, maxLineCharacters: Int) {
        self.rules = rules.rules
        longestReach = rules.rules.map { $0.scope == .block ? ($0.maxLength ?? Int.max) : ($0.maxLength ?? maxLineCharacters) }
            .max() ?? 0
        compiled = Array(repeating: nil, count: rules.rules.count)
        scanner = KeywordScanner(keywords)
        unfiltered = rules.rules.indices.filter { rules.rules[$0].keywords.isEmpty }
        defaultMaxLength = maxLineCharacters
    }

    /// The rules stopped by a limit since the last call, and forgets them.
    func takeLimitExceeded() -> Set<String> {
        defer { limitExceeded.removeAll() }
        return limitExceeded
    }

    /// A matcher with its own keyword automaton (engines share the `Cleaner`'s instead).
    convenience init(rules: RuleSet, maxLineCharacters: Int) {
        self.init(rules: rules, keywords: KeywordAutomaton(keywords: rules.rules.map(\.keywords)), maxLineCharacters: maxLineCharacters)
    }

    /// The rules that match `text` (in rule order), for a document in `language`.
    func hits(_ text: String, characters: Int, language: String?) -> [RuleHit] {
        guard characters <= longestReach else { return [] }
        var candidates = unfiltered
        let lower = Self.lowercasedBytes(text, unicode: characters <= defaultMaxLength)
        scanner.scan(lower) { candidates.append($0) }
        guard !candidates.isEmpty else { return [] }
        var out: [RuleHit] = []
        var bytes = Array(text.utf8)
        var previous = -1
        for index in candidates.sorted() where index != previous {
            previous = index
            let rule = rules[index]
            // A rule's max-length bounds it; line rules without one stop at the default.
            if characters > (rule.maxLength ?? (rule.scope == .line ? defaultMaxLength : Int.max)) { continue }
            guard rule.applies(to: language), !stopped.contains(index) else { continue }
            let regexes = matchers(for: index)
            var hit: RuleHit? = nil
            bytes.withUnsafeMutableBufferPointer { mutable in
                let buffer = UnsafeBufferPointer(mutable)
                for regex in regexes {
                    switch regex.firstMatch(in: buffer) {
                    case .match(let range):
                        var captured: String? = nil
                        if case .extract = rule.action {
                            let r = regex.groupCount > 0 ? (regex.range(ofGroup: 1) ?? range) : range
                            captured = String(decoding: buffer[r], as: UTF8.self)
                        }
                        hit = RuleHit(rule: index, captured: captured)
                    case .limitExceeded:
                        limitExceeded.insert(rule.id)
                        stopped.insert(index)
                    case .noMatch:
                        continue
                    }
                    if hit != nil { break }
                }
            }
            if let hit { out.append(hit) }
        }
        return out
    }

    private func matchers(for index: Int) -> [ICURegex] {
        if let ready = compiled[index] { return ready }
        let rule = rules[index]
        let made = rule.patterns.compactMap { try? ICURegex($0, options: rule.caseSensitive ? [] : .caseInsensitive) }
        compiled[index] = made
        return made
    }

    /// Lowercase bytes for keyword scanning: ASCII folded in place, other text through Unicode
    /// case mapping when `unicode` is set (short blocks; long ones only fold ASCII).
    static func lowercasedBytes(_ text: String, unicode: Bool = true) -> [UInt8] {
        var ascii = true
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for b in text.utf8 {
            if b >= 0x80 && unicode {
                ascii = false
                break
            }
            out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        if ascii { return out }
        // Scripts without case (CJK, Hangul, Arabic, Hebrew...) need only the ASCII fold.
        if text.unicodeScalars.allSatisfy({ $0.value < 0x80 || $0.isCaseless }) {
            return text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        }
        return Array(text.lowercased().utf8)
    }
}

import ICUKit

/// Finds the rules that match a block, cheaply: a keyword automaton picks candidate rules in
/// one pass over the bytes, length limits skip long prose, and only candidates run their regex.
///
/// Holds ICU matchers, which carry state: one instance per thread.
final class RuleMatcher {
    private(set) var rules: [Rule]
    private var compiled: [[(regex: ICURegex, start: PatternStart)]?]
    /// Keyword scans per document language, built when a language is first met; for blocks
    /// longer than the default line limit, a second scan over only the rules that reach them.
    private var scans: [String?: LanguageScan] = [:]
    private var longScans: [String?: LanguageScan] = [:]
    private var lastLanguage: String?? = .none
    private var lastShort: LanguageScan? = nil
    private var lastLong: LanguageScan? = nil
    private let defaultMaxLength: Int
    /// Rules whose pattern hit ICU's time or stack limit (reported once by the caller).
    private(set) var limitExceeded: Set<String> = []
    /// Rules that hit a limit in the current document: skipped for its remaining blocks, so one
    /// catastrophic pattern costs one time-out per document, not one per block. A flag per
    /// rule (read for every candidate), and the list of those set, to clear them.
    @exclusivity(unchecked) private var stopped: [Bool]
    private var stoppedList: [Int] = []

    /// Forgets the stopped rules; called when a document starts.
    func startDocument() {
        for index in stoppedList { stopped[index] = false }
        stoppedList.removeAll()
    }

    /// Blocks longer than this reach no rule at all.
    private var longestReach: Int

    /// What `hits` needs of each rule, read once: copying a `Rule` per candidate costs a retain
    /// per field.
    private struct Facts {
        var limit: Int
        var languages: [String]
        var extracts: Bool
    }

    private var facts: [Facts]
    /// Scratch buffers reused across blocks.
    /// Per block, by this matcher alone: no run-time exclusivity checks.
    @exclusivity(unchecked) private var lowered: [UInt8] = []
    @exclusivity(unchecked) private var candidates: [Int] = []
    @exclusivity(unchecked) private var otherCandidates: [Int] = []
    /// The block being matched, as the UTF-16 the regexes search.
    private let utf16 = UTF16Text()
    /// Case lookups, shared with the engine's word counter (one table per thread).
    private let cases: CaseTable

    init(rules: RuleSet, maxLineCharacters: Int, cases: CaseTable = CaseTable()) {
        self.rules = rules.rules
        self.cases = cases
        facts = rules.rules.map { Self.facts(of: $0, maxLineCharacters: maxLineCharacters) }
        longestReach = Self.longestReach(rules.rules, maxLineCharacters: maxLineCharacters)
        compiled = Array(repeating: nil, count: rules.rules.count)
        stopped = Array(repeating: false, count: rules.rules.count)
        defaultMaxLength = maxLineCharacters
    }

    private static func facts(of rule: Rule, maxLineCharacters: Int) -> Facts {
        var extracts = false
        if case .extract = rule.action { extracts = true }
        // A rule's max-length bounds it; line rules without one stop at the default.
        let limit = rule.maxLength ?? (rule.scope == .line ? maxLineCharacters : Int.max)
        return Facts(limit: limit, languages: rule.languages, extracts: extracts)
    }

    private static func longestReach(_ rules: [Rule], maxLineCharacters: Int) -> Int {
        rules.map { $0.scope == .block ? ($0.maxLength ?? Int.max) : ($0.maxLength ?? maxLineCharacters) }.max() ?? 0
    }

    /// Takes `rules` in place of the current ones, which differ only in the `changed` ranges
    /// (deferred rules parsed): their facts and compiled patterns are redone, and the keyword
    /// scans are rebuilt when next needed.
    func replaceRules(_ rules: [Rule], changed: [Range<Int>]) {
        self.rules = rules
        for range in changed {
            for i in range {
                facts[i] = Self.facts(of: rules[i], maxLineCharacters: defaultMaxLength)
                compiled[i] = nil
            }
        }
        longestReach = Self.longestReach(rules, maxLineCharacters: defaultMaxLength)
        scans = [:]
        longScans = [:]
        lastLanguage = .none
        lastShort = nil
        lastLong = nil
    }

    /// The rules stopped by a limit since the last call, and forgets them.
    func takeLimitExceeded() -> Set<String> {
        defer { limitExceeded.removeAll() }
        return limitExceeded
    }

    /// The rules that match `text` (in rule order), for a document in `language`.
    func hits(_ text: String, characters: Int, language: String?) -> [RuleHit] {
        guard characters <= longestReach else { return [] }
        // The scratch list is held in a local while the block is matched: every use of a
        // class's stored array is an exclusivity check at run time.
        var candidates = self.candidates
        self.candidates = []
        defer { self.candidates = candidates }
        candidates.removeAll(keepingCapacity: true)
        let scan = scan(for: language, long: characters > defaultMaxLength)
        candidates.append(contentsOf: scan.unfiltered)
        // The scanner folds ASCII capitals itself; only short non-ASCII blocks need a
        // Unicode-lowercased copy (long ones are scanned with the ASCII fold alone).
        if characters <= defaultMaxLength && !Self.isASCII(text, characters: characters) {
            lowered.removeAll(keepingCapacity: true)
            cases.appendLowercased(text, to: &lowered)
            lowered.withUnsafeBufferPointer { bytes in scan.scanner.scan(bytes, into: &candidates) }
        } else {
            text.withBytes { bytes in scan.scanner.scan(bytes, into: &candidates) }
        }
        return match(text, characters: characters, language: language, candidates: &candidates)
    }

    /// `hits` of `count` blocks in order, given to `body`; two neighbours that the same scan
    /// reads as they are (ASCII, short) are scanned side by side (`KeywordScanner`), and their
    /// regexes still run block by block, in order.
    func forEachHits(
        count: Int, text: (Int) -> String, characters: (Int) -> Int, language: String?, _ body: (Int, [RuleHit]) -> Void
    ) {
        // Read by the short scan as it is: within every limit, and ASCII.
        func readsAsIs(_ text: String, _ characters: Int) -> Bool {
            characters <= longestReach && characters <= defaultMaxLength && Self.isASCII(text, characters: characters)
        }
        var i = 0
        while i < count {
            let c = characters(i)
            let first = text(i)
            guard i + 1 < count, readsAsIs(first, c) else {
                body(i, hits(first, characters: c, language: language))
                i += 1
                continue
            }
            let nextCharacters = characters(i + 1)
            let second = text(i + 1)
            guard readsAsIs(second, nextCharacters) else {
                body(i, hits(first, characters: c, language: language))
                i += 1
                continue
            }
            var candidates = self.candidates
            var otherCandidates = self.otherCandidates
            self.candidates = []
            self.otherCandidates = []
            defer {
                self.candidates = candidates
                self.otherCandidates = otherCandidates
            }
            candidates.removeAll(keepingCapacity: true)
            otherCandidates.removeAll(keepingCapacity: true)
            let scan = scan(for: language, long: false)
            candidates.append(contentsOf: scan.unfiltered)
            otherCandidates.append(contentsOf: scan.unfiltered)
            first.withBytes { a in
                second.withBytes { b in scan.scanner.scan(a, b, into: &candidates, &otherCandidates) }
            }
            body(i, match(first, characters: c, language: language, candidates: &candidates))
            body(i + 1, match(second, characters: nextCharacters, language: language, candidates: &otherCandidates))
            i += 2
        }
    }

    /// Whether a block of `characters` characters is ASCII: as many characters as bytes (valid
    /// UTF-8 has no lone byte of 0x80 or above), known without reading the bytes again.
    private static func isASCII(_ text: String, characters: Int) -> Bool {
        characters == text.utf8.count
    }

    /// Runs the regexes of the `candidates` (rule indices, each once, any order) on `text`.
    private func match(_ text: String, characters: Int, language: String?, candidates: inout [Int]) -> [RuleHit] {
        guard !candidates.isEmpty else { return [] }
        candidates.sort()
        var converted = false
        var out: [RuleHit] = []
        for index in candidates {
            let facts = facts[index]
            if characters > facts.limit { continue }
            if !facts.languages.isEmpty {
                guard let language, facts.languages.contains(language) else { continue }
            }
            guard !stopped[index] else { continue }
            let regexes = matchers(for: index)
            var hit: RuleHit? = nil
            text.withBytes { buffer in
                // Converted once per block, for all of its candidate rules.
                if !converted {
                    utf16.load(buffer)
                    converted = true
                }
                for (regex, start) in regexes {
                    // An anchored pattern cannot match a block that starts with another character.
                    if !start.admits(buffer) { continue }
                    switch regex.firstMatch(in: utf16) {
                    case .match(let range):
                        var captured: String? = nil
                        if facts.extracts {
                            let r = regex.groupCount > 0 ? (regex.range(ofGroup: 1) ?? range) : range
                            captured = String(decoding: buffer[r], as: UTF8.self)
                        }
                        hit = RuleHit(rule: index, captured: captured)
                    case .limitExceeded:
                        limitExceeded.insert(rules[index].id)
                        stopped[index] = true
                        stoppedList.append(index)
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

    /// The keyword scan over the rules that apply in `language` (language-neutral rules, and
    /// those that name it) and, for `long` blocks, reach past the default line limit. Most rules
    /// are written for other languages or for short lines; leaving their keywords out keeps the
    /// automaton small enough to stay in cache while it reads every byte of the article.
    private func scan(for language: String?, long: Bool) -> LanguageScan {
        // Blocks come in documents: the last language's scans answer without hashing its name.
        if language == lastLanguage, let ready = long ? lastLong : lastShort { return ready }
        if language != lastLanguage {
            lastLanguage = language
            lastShort = scans[language]
            lastLong = longScans[language]
            if let ready = long ? lastLong : lastShort { return ready }
        }
        var owners: [(owner: Int, words: [String])] = []
        var unfiltered: [Int] = []
        for (index, rule) in rules.enumerated() where rule.languages.isEmpty || language.map(rule.languages.contains) == true {
            if long && facts[index].limit <= defaultMaxLength { continue }
            if rule.keywords.isEmpty {
                unfiltered.append(index)
            } else {
                owners.append((index, rule.keywords.map(RuleParser.lowercasedKeyword)))
            }
        }
        let made = LanguageScan(scanner: KeywordScanner(KeywordAutomaton(owners: owners)), unfiltered: unfiltered)
        if long {
            longScans[language] = made
            lastLong = made
        } else {
            scans[language] = made
            lastShort = made
        }
        return made
    }

    private func matchers(for index: Int) -> [(regex: ICURegex, start: PatternStart)] {
        if let ready = compiled[index] { return ready }
        let made = rules[index].compiledPatternsWithStarts()
        compiled[index] = made
        return made
    }
}

/// The keyword scanner and keyword-less rules for one document language.
private struct LanguageScan {
    let scanner: KeywordScanner
    /// Rules without keywords: candidates for every block.
    let unfiltered: [Int]
}

/// Localized rules files read only when a document in their language is met.
///
/// The embedded defaults hold about 700 rules, 93% of them in the 26 `lang/*.rules` files;
/// parsing them all was a quarter of start-up, paid by every `husk < page.txt` though a page
/// is in one language. A file whose every rule names its languages is scanned at start-up for
/// its rule ids, lines and languages only; its rules sit in the set as inert placeholders at
/// their final places (so rule order, and the duplicate-id check, are as if it were parsed)
/// until an engine meets one of its languages and parses it (`Engine.prepareRules(for:)`).
extension RuleSet {
    /// A rules file not parsed yet, and where its rules go.
    struct DeferredFile: Sendable {
        let name: String
        let contents: String
        /// The places of its rules in `RuleSet.rules`.
        let range: Range<Int>
        /// Every language any of its rules names.
        let languages: Set<String>

        /// Its rules, or nil if parsing disagrees with the scan (then the placeholders stay,
        /// inert; the tests hold every embedded file to parse as it scans).
        func parse(placeholders: ArraySlice<Rule>) -> [Rule]? {
            let parsed = RuleParser(file: name, validatePatterns: false).parse(contents)
            guard parsed.diagnostics.isEmpty, parsed.rules.count == placeholders.count,
                zip(parsed.rules, placeholders).allSatisfy({ $0.id == $1.id })
            else { return nil }
            return parsed.rules
        }
    }

    /// The embedded defaults, with the localized files deferred. Their ids are not checked for
    /// duplicates here: the tests hold the embedded files to unique ids, and `init(combining:)`
    /// checks user rules against them.
    static func defaultsDeferringLanguages() throws(HuskError) -> RuleSet {
        var rules: [Rule] = []
        var deferred: [DeferredFile] = []
        var eager: [(name: String, contents: String)] = []
        for file in defaultFiles() {
            if file.name.hasPrefix("Rules/lang/"), let scan = Self.scan(file.contents, name: file.name) {
                // Eager files parsed so far go first, so every rule keeps its place.
                rules += try RuleSet(files: eager, checkExamples: false).rules
                eager.removeAll()
                let start = rules.count
                rules += scan.placeholders
                deferred.append(DeferredFile(
                    name: file.name, contents: file.contents, range: start..<rules.count, languages: scan.languages))
            } else {
                eager.append(file)
            }
        }
        rules += try RuleSet(files: eager, checkExamples: false).rules
        return RuleSet(uncheckedRules: rules, deferred: deferred)
    }

    /// The same rules with every deferred file parsed in place.
    func parsingDeferred() -> RuleSet {
        var set = self
        for file in deferred {
            if let parsed = file.parse(placeholders: set.rules[file.range]) {
                set.rules.replaceSubrange(file.range, with: parsed)
            }
        }
        set.deferred = []
        return set
    }

    /// A file's rule ids (as placeholders) and languages, read line by line without parsing
    /// values; nil when a rule names no language or `*` (it applies everywhere: parse it now).
    static func scan(_ text: String, name: String) -> (placeholders: [Rule], languages: Set<String>)? {
        var placeholders: [Rule] = []
        var languages: Set<String> = []
        var ruleHasLanguage = true
        var text = text
        let complete = text.withUTF8 { all -> Bool in
            var number = 0
            var start = 0
            while start < all.count {
                // Line ends found with memchr: this reads every byte of the localized files.
                let end = UTF8Bytes.firstIndex(of: 0x0A, in: all, from: start) ?? all.count
                number += 1
                var lo = start
                var hi = end
                start = end + 1
                while lo < hi && all[lo] == 0x20 { lo += 1 }
                while hi > lo && all[hi - 1] == 0x20 { hi -= 1 }
                guard lo < hi else { continue }
                if all[lo] == 0x5B {
                    guard ruleHasLanguage, all[hi - 1] == 0x5D, hi - lo >= 2 else { return false }
                    let id = String(decoding: UnsafeBufferPointer(rebasing: all[(lo + 1)..<(hi - 1)]), as: UTF8.self).trimmingSpaces
                    placeholders.append(Rule(
                        id: id, category: "", scope: .line, action: .hint, languages: [], patterns: [], keywords: [],
                        maxLength: nil, caseSensitive: false, examples: [], counterExamples: [], file: name, line: number))
                    ruleHasLanguage = false
                } else if all[lo] == 0x6C, let eq = all[lo..<hi].firstIndex(of: 0x3D) {
                    // `lang = a, b`, its key and value read as the parser reads them.
                    var keyEnd = eq
                    while keyEnd > lo && all[keyEnd - 1] == 0x20 { keyEnd -= 1 }
                    guard RuleParser.Key(UnsafeBufferPointer(rebasing: all[lo..<keyEnd])) == .lang else { continue }
                    let value = String(decoding: UnsafeBufferPointer(rebasing: all[(eq + 1)..<hi]), as: UTF8.self).trimmingSpaces
                    guard value != "*" else { return false }
                    let codes = RuleParser.list(value)
                    guard !codes.isEmpty else { return false }
                    languages.formUnion(codes)
                    ruleHasLanguage = true
                }
            }
            return ruleHasLanguage
        }
        guard complete, !placeholders.isEmpty else { return nil }
        let listed = languages.sorted()
        for k in placeholders.indices { placeholders[k].languages = listed }
        return (placeholders, languages)
    }
}

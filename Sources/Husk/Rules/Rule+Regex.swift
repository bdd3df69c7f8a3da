import ICUKit

extension Rule {
    /// The rule's patterns compiled as the matcher runs them (caseless classes rewritten by
    /// `CaselessClasses` when the rule ignores case); patterns that do not compile are left out.
    ///
    /// The examples check compiles through here too, so each rule's examples test exactly the
    /// regexes that run.
    func compiledPatterns() -> [ICURegex] {
        patterns.compactMap { pattern in
            caseSensitive
                ? try? ICURegex(pattern, options: [])
                : try? ICURegex(CaselessClasses.rewrite(pattern), options: .caseInsensitive)
        }
    }
}

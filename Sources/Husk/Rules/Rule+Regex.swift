import ICUKit

extension Rule {
    /// The rule's patterns compiled as the matcher runs them (caseless classes rewritten by
    /// `CaselessClasses` when the rule ignores case); patterns that do not compile are left out.
    ///
    /// The examples check compiles through here too, so each rule's examples test exactly the
    /// regexes that run.
    func compiledPatterns() -> [ICURegex] {
        compiledPatternsWithStarts().map(\.regex)
    }

    /// The same, each with the characters its matches can begin with (see `PatternStart`).
    func compiledPatternsWithStarts() -> [(regex: ICURegex, start: PatternStart)] {
        patterns.compactMap { pattern in
            let regex = caseSensitive
                ? try? ICURegex(pattern, options: [])
                : try? ICURegex(CaselessClasses.rewrite(pattern), options: .caseInsensitive)
            return regex.map { ($0, PatternStart.of(pattern)) }
        }
    }
}

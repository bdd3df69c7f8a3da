import ICUKit

/// The rules in force: the defaults embedded from `Rules/`, plus any the user added.
public struct RuleSet: Sendable {
    public internal(set) var rules: [Rule]
    /// Localized files whose rules are placeholders until parsed (see `RuleSet+Deferred.swift`).
    var deferred: [DeferredFile] = []

    /// Parses and validates rules files; throws every problem found, positioned `FILE:LINE:COL`.
    ///
    /// `checkExamples` runs every rule's examples; the embedded defaults skip it at startup
    /// because the tests and `husk rules check` already hold them to it.
    public init(files: [(name: String, contents: String)], checkExamples: Bool = true) throws(HuskError) {
        var rules: [Rule] = []
        var diagnostics: [RuleDiagnostic] = []
        // Where each id was first defined: a whole `Rule` per entry made the table megabytes.
        var ids: [String: (file: String, line: Int)] = [:]
        for file in files {
            let (parsed, problems) = RuleParser(file: file.name, validatePatterns: checkExamples).parse(file.contents)
            diagnostics += problems
            for rule in parsed {
                if let first = ids[rule.id], first.file != rule.file {
                    diagnostics.append(RuleDiagnostic(
                        file: rule.file, line: rule.line, column: 2,
                        message: "duplicate rule id '\(rule.id)' (first defined at \(first.file):\(first.line))"))
                }
                ids[rule.id] = (rule.file, rule.line)
                if checkExamples { diagnostics += Self.checkExamples(rule) }
                rules.append(rule)
            }
        }
        if !diagnostics.isEmpty { throw .invalidRules(diagnostics) }
        self.rules = rules
    }

    /// Rules whose ids are known to be unique (the embedded defaults), kept as they are.
    init(uncheckedRules rules: [Rule], deferred: [DeferredFile] = []) {
        self.rules = rules
        self.deferred = deferred
    }

    /// The embedded defaults followed by a user's rules, whose ids must not repeat the
    /// defaults' or each other's (the defaults' own are unique: the tests hold them to it).
    init(defaults: RuleSet, user: [Rule]) throws(HuskError) {
        guard !user.isEmpty else {
            self = defaults
            return
        }
        try self.init(combining: defaults.rules + user)
        deferred = defaults.deferred
    }

    /// Rules already parsed; ids must stay unique across them.
    init(combining rules: [Rule]) throws(HuskError) {
        var seen: [String: (file: String, line: Int)] = [:]
        seen.reserveCapacity(rules.count)
        var diagnostics: [RuleDiagnostic] = []
        for rule in rules {
            if let first = seen[rule.id] {
                diagnostics.append(RuleDiagnostic(
                    file: rule.file, line: rule.line, column: 2,
                    message: "duplicate rule id '\(rule.id)' (first defined at \(first.file):\(first.line))"))
            }
            seen[rule.id] = (rule.file, rule.line)
        }
        if !diagnostics.isEmpty { throw .invalidRules(diagnostics) }
        self.rules = rules
    }

    /// The rules embedded in the binary.
    public static func defaults(checkExamples: Bool = true) throws(HuskError) -> RuleSet {
        try RuleSet(files: defaultFiles(), checkExamples: checkExamples)
    }

    /// The embedded `*.rules` files, in name order.
    static func defaultFiles() -> [(name: String, contents: String)] {
        EmbeddedRules.files.keys.sorted().filter { $0.hasSuffix(".rules") }.compactMap { name in
            EmbeddedRules.files[name].map { ("Rules/" + name, $0) }
        }
    }

    /// Examples that must match and must not match, each checked against the rule's patterns.
    static func checkExamples(_ rule: Rule) -> [RuleDiagnostic] {
        let regexes = rule.compiledPatterns()
        guard regexes.count == rule.patterns.count else { return [] }
        func matches(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { buffer in
                regexes.contains { if case .match = $0.firstMatch(in: buffer) { return true } else { return false } }
            }
        }
        var out: [RuleDiagnostic] = []
        for example in rule.examples where !matches(example) {
            out.append(RuleDiagnostic(file: rule.file, line: rule.line, column: 1,
                                      message: "rule '\(rule.id)' does not match its example \"\(example)\""))
        }
        for example in rule.counterExamples where matches(example) {
            out.append(RuleDiagnostic(file: rule.file, line: rule.line, column: 1,
                                      message: "rule '\(rule.id)' matches its counter-example \"\(example)\""))
        }
        if !rule.keywords.isEmpty {
            for example in rule.examples {
                let lower = example.lowercased()
                if !rule.keywords.contains(where: { lower.contains(RuleParser.lowercasedKeyword($0)) }) {
                    out.append(RuleDiagnostic(file: rule.file, line: rule.line, column: 1,
                                              message: "rule '\(rule.id)': example \"\(example)\" has none of its keywords, so the prefilter would skip it"))
                }
            }
        }
        return out
    }
}

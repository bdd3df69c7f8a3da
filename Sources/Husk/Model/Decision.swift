/// Why a block was kept or dropped: a rule id, the classifier's score, or its context.
///
/// `--explain`, the statistics and the tests all read this one record.
public struct Decision: Sendable, Codable, Equatable {
    public enum Verdict: String, Sendable, Codable { case keep = "KEEP", drop = "DROP" }

    public enum Reason: Sendable, Codable, Equatable {
        /// A rule decided (its id and category).
        case rule(id: String, category: String)
        /// The classifier's probability that the block is article text.
        case score(Double)
        /// A blank, markup-only or empty block.
        case empty
        /// Below the article start or after a `drop-rest` rule fired.
        case outsideArticle(rule: String)
        /// Metadata (title, byline, dateline) moved into the header.
        case metadata(field: String)
        /// Kept although scored below the threshold: prose that continues the article prose
        /// just above it (the score it had is kept for `--explain`).
        case continuesProse(Double)
    }

    public var verdict: Verdict
    public var reason: Reason

    public init(_ verdict: Verdict, _ reason: Reason) {
        self.verdict = verdict
        self.reason = reason
    }

    /// A short label: the rule id, or `score`, `empty`...
    public var label: String {
        switch reason {
        case .rule(let id, _): return id
        case .score: return "classifier"
        case .empty: return "empty"
        case .outsideArticle(let rule): return rule
        case .metadata(let field): return "metadata-\(field)"
        case .continuesProse: return "continues-prose"
        }
    }

    /// The category used for statistics: the rule's category, or `classifier`/`empty`...
    public var category: String {
        switch reason {
        case .rule(_, let category): return category
        case .score: return "classifier"
        case .empty: return "empty"
        case .outsideArticle: return "outside-article"
        case .metadata: return "metadata"
        case .continuesProse: return "classifier"
        }
    }
}

/// Counts for one or many documents: bytes in and out, and dropped characters by category and rule.
public struct CleaningStatistics: Sendable, Codable, Equatable {
    public var documents = 0
    public var bytesIn = 0
    public var bytesOut = 0
    public var blocks = 0
    public var blocksKept = 0
    /// Invalid UTF-8 sequences replaced by U+FFFD.
    public var invalidSequences = 0
    /// Characters of text in kept blocks (the denominator, with the dropped ones, of drop shares).
    public var charactersKept = 0
    /// Characters of text dropped, by decision category (`share`, `nav`, `classifier`...).
    public var droppedByCategory: [String: Int] = [:]
    /// Characters of text dropped, by rule id (or `classifier`).
    public var droppedByRule: [String: Int] = [:]

    /// Ids of rules whose regex hit ICU's time or stack limit (catastrophic backtracking); they
    /// counted as no match there. Sorted, each once.
    public var rulesStopped: [String] = []

    public init() {}

    /// Characters dropped in all.
    public var charactersDropped: Int { droppedByCategory.values.reduce(0, +) }

    /// Adds another document's counts to these.
    public mutating func merge(_ other: CleaningStatistics) {
        documents += other.documents
        bytesIn += other.bytesIn
        bytesOut += other.bytesOut
        blocks += other.blocks
        blocksKept += other.blocksKept
        invalidSequences += other.invalidSequences
        charactersKept += other.charactersKept
        droppedByCategory.merge(other.droppedByCategory, uniquingKeysWith: +)
        droppedByRule.merge(other.droppedByRule, uniquingKeysWith: +)
        if !other.rulesStopped.isEmpty { rulesStopped = Array(Set(rulesStopped + other.rulesStopped)).sorted() }
    }
}

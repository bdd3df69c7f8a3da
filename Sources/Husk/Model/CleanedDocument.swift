/// The result of cleaning one document: metadata, the kept paragraphs, and what was decided.
public struct CleanedDocument: Sendable, Codable, Equatable {
    public var metadata: Metadata
    public var paragraphs: [Paragraph]
    /// Every block with its decision, when `CleanerOptions.explain` is on; empty otherwise.
    public var blocks: [BlockReport]
    /// Where each metadata field came from (`--explain`), keyed by field name.
    public var provenance: [String: String]
    public var statistics: CleaningStatistics
    /// Fingerprints of the document's short blocks, for `RepeatedLines.observe` in batch runs.
    public var fingerprints: [UInt64] = []

    public init(
        metadata: Metadata = Metadata(), paragraphs: [Paragraph] = [], blocks: [BlockReport] = [],
        provenance: [String: String] = [:], statistics: CleaningStatistics = CleaningStatistics()
    ) {
        self.metadata = metadata
        self.paragraphs = paragraphs
        self.blocks = blocks
        self.provenance = provenance
        self.statistics = statistics
    }

    /// The body: paragraphs joined by blank lines.
    public var text: String { paragraphs.map(\.text).joined(separator: "\n\n") }
}

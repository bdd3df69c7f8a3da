/// A unit the classifier judges: one paragraph, heading, list item, quote or table row.
struct Block {
    /// 1-based input line of the block's first line.
    var line: Int
    var text: String
    var kind: Paragraph.Kind
    var level: Int
    var indent: Int
    var linkBytes: Int
    var links: Int
    var urls: Int
    var emphasized: Bool
    /// Images seen between the previous block and this one.
    var imagesBefore: Int
    /// Alt texts of images on or just before the block's lines.
    var imageAlts: [String] = []
    /// Images on the block's own lines.
    var images: Int
    /// A blank line or markup separated this block from the previous one.
    var gapBefore: Bool
    var decision = Decision(.keep, .empty)
    var features: [Double] = []
    /// Rule hits on this block: (rule index, category index) of the first hit per category.
    var ruleHits: [RuleHit] = []
}

/// A table of contents near the top: its entries name the article's sections, never the article.
extension MetadataExtractor {
    /// The id (or id prefix, for language variants) of the rule that marks a table of contents'
    /// heading ("Contents", "In this article", "Table of Contents").
    static let contentsRulePrefix = "drop-contents-headings"

    /// The list items under a table of contents' heading among the blocks before `end`: the run
    /// of list items right after it. They repeat the article's section headings word for word,
    /// which makes them look like a headline its body echoes; the headline is never among them.
    func tableOfContentsItems(_ blocks: [Block], rules: [Rule], before end: Int) -> Set<Int> {
        var items = Set<Int>()
        var inContents = false
        for i in 0..<min(end, blocks.count) {
            if !blocks[i].ruleHits.isEmpty, blocks[i].ruleHits.contains(where: { rules[$0.rule].id.hasPrefix(Self.contentsRulePrefix) }) {
                inContents = true
                continue
            }
            guard inContents else { continue }
            if blocks[i].kind == .listItem { items.insert(i) } else { inContents = false }
        }
        return items
    }
}

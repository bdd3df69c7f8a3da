/// Where the header (title, byline, date) is looked for, when the main region starts inside a menu.
extension MetadataExtractor {
    /// Solid prose: a paragraph the classifier kept, long and ending a sentence, as no menu
    /// item, teaser or label strip is.
    static func isSolidProse(_ b: Block, _ s: BlockStats, words: Int) -> Bool {
        b.decision.verdict == .keep && s.words >= words && s.endsSentence && s.linkDensity < 0.3
    }

    /// The region as the header search sees it. Pages that open with long menus (plain
    /// renderings above all) start the region inside the menu, where long descriptive items
    /// read as content; the headline, byline and dateline then sit far below the region's
    /// start, just above the article's first solid paragraph. When that paragraph is more than
    /// `gap` blocks below the start, the header is looked for from `lead` blocks above it, and
    /// that paragraph is returned too: headline candidates reach down to it.
    ///
    /// Needs the blocks' decisions: metadata is read after classification.
    static func headerRegion(
        _ region: Range<Int>, blocks: [Block], stats: [BlockStats], gap: Int, lead: Int, proseWords: Int
    ) -> (Range<Int>, Int?) {
        guard !region.isEmpty, let first = region.first(where: { isSolidProse(blocks[$0], stats[$0], words: proseWords) }),
            first - region.lowerBound > gap
        else { return (region, nil) }
        return (max(region.lowerBound, first - lead)..<region.upperBound, first)
    }
}

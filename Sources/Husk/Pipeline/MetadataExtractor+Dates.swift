/// The publication date read beside the header's other lines: the byline's and the headline's.
extension MetadataExtractor {
    /// A date beside the byline ("By" / "Jane Doe" / "Apr 21, 2021") when none was found near
    /// the top: a page whose header the region missed still groups its author and date.
    func findDateNearByline(_ result: inout Result, blocks: [Block], stats: [BlockStats], byline: Int, language: String?) {
        for distance in 0...bylineDateReach {
            for i in (distance == 0 ? [byline] : [byline + distance, byline - distance]) where i >= 0 && i < blocks.count {
                guard stats[i].words <= 16, blocks[i].kind != .quote, let day = dates.firstDate(in: blocks[i].text, language: language)
                else { continue }
                result.metadata.date = day
                result.provenance["date"] = "line \(blocks[i].line), date beside the byline"
                return
            }
        }
    }

    /// The publication date sits by the headline: when a date line lies within a few blocks of
    /// the title, it wins over a date found higher up (a ticker, a menu, another item's date).
    func preferDateNearTitle(
        _ result: inout Result, blocks: [Block], stats: [BlockStats], title: Int, rules: [Rule], language: String?
    ) {
        var best: (distance: Int, day: String, index: Int)? = nil
        for i in max(0, title - 4)..<min(blocks.count, title + 11) where i != title {
            guard stats[i].words <= 24, blocks[i].kind != .quote else { continue }
            let isUpdateLine = blocks[i].ruleHits.contains { hit in
                if case .extract("updated") = rules[hit.rule].action { return true } else { return false }
            }
            guard let day = dates.firstDate(in: blocks[i].text, language: language) else { continue }
            // After the title counts a little closer than the same distance before it.
            let distance = i > title ? (i - title) * 2 - 1 : (title - i) * 2
            if isUpdateLine && day == result.metadata.updated && !blocks[i].text.lowercased().contains("publish") { continue }
            if distance < (best?.distance ?? Int.max) { best = (distance, day, i) }
        }
        guard let best, best.day != result.metadata.date else { return }
        result.metadata.date = best.day
        result.provenance["date"] = "line \(blocks[best.index].line), date next to the title"
    }
}

/// Mends what scraping broke: paragraphs split mid-sentence, words hyphenated across breaks.
///
/// A hyphen at a break is kept only where the document itself shows the hyphenated compound
/// (or does not show the closed word): "new-" + "found" becomes "newfound" unless "new-found"
/// appears elsewhere in the text.
struct Repairer {
    /// Marks a hyphen at a join until the whole window's vocabulary can decide it.
    static let joinMark: Character = "\u{E000}"
    /// A block must have at least this many words before a following lowercase block is joined to it.
    var minWordsBeforeJoin = 4

    /// Appends a wrapped line to the block it continues.
    func joinLine(_ block: inout Block, with line: Line) {
        block.text = Self.join(block.text, line.text)
        block.linkBytes += line.linkBytes
        block.links += line.links
        block.urls += line.urls
        block.images += line.images
    }

    static func join(_ a: String, _ b: String) -> String {
        if a.hasSuffix("-"), let beforeHyphen = a.dropLast().last, beforeHyphen.isLetter, startsLowercase(b) {
            return String(a.dropLast()) + String(joinMark) + b
        }
        return a + " " + b
    }

    /// Joins a block to the next when a blank line split a sentence: the first does not end a
    /// sentence and the second starts in lowercase, with nothing but blank lines between.
    func joinSplitSentences(_ blocks: [Block]) -> [Block] {
        var out: [Block] = []
        out.reserveCapacity(blocks.count)
        for block in blocks {
            if var last = out.last, last.kind == .paragraph, block.kind == .paragraph,
                block.imagesBefore == 0, !last.emphasized, !block.emphasized,
                last.indent == block.indent,
                !Self.endsSentence(last.text), Self.startsLowercase(block.text),
                Self.wordCount(last.text) >= minWordsBeforeJoin
            {
                last.text = Self.join(last.text, block.text)
                last.linkBytes += block.linkBytes
                last.links += block.links
                last.urls += block.urls
                out[out.count - 1] = last
                continue
            }
            out.append(block)
        }
        return out
    }

    /// Replaces each join mark with a hyphen or nothing, by what the window's text shows.
    func resolveHyphens(_ blocks: inout [Block], vocabularyText: [String]) {
        guard blocks.contains(where: { $0.text.contains(Self.joinMark) }) else { return }
        var vocabulary = Set<String>()
        for text in vocabularyText {
            for word in text.lowercased().split(whereSeparator: { !($0.isLetter || $0 == "-") }) {
                vocabulary.insert(String(word))
            }
        }
        for k in blocks.indices where blocks[k].text.contains(Self.joinMark) {
            blocks[k].text = resolve(blocks[k].text, vocabulary)
        }
    }

    private func resolve(_ text: String, _ vocabulary: Set<String>) -> String {
        var result = ""
        let parts = text.split(separator: Self.joinMark, omittingEmptySubsequences: false)
        for (k, part) in parts.enumerated() {
            if k == 0 {
                result += part
                continue
            }
            let head = result.reversed().prefix { $0.isLetter || $0 == "-" }
            let left = String(head.reversed()).lowercased()
            let right = part.prefix { $0.isLetter || $0 == "-" }.lowercased()
            let hyphenated = vocabulary.contains(left + "-" + right)
            let closed = vocabulary.contains(left + right)
            result += (hyphenated && !closed ? "-" : "") + part
        }
        return result
    }

    // MARK: - Text tests shared with the segmenter

    /// Ends with sentence punctuation (Latin, CJK full-width, Arabic, Devanagari), maybe inside quotes.
    static func endsSentence(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.reversed().makeIterator()
        while let s = scalars.next() {
            switch s {
            case "\"", "'", "\u{201D}", "\u{2019}", "\u{BB}", ")", "]", "*", "_", "\u{300D}", "\u{300F}", " ":
                continue
            case ".", "!", "?", ":", ";", "\u{2026}", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{FF0E}",
                "\u{061F}", "\u{06D4}", "\u{0964}", "\u{FF1A}":
                return true
            default:
                return false
            }
        }
        return false
    }

    static func startsLowercase(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first.properties.isLowercase
    }

    static func wordCount(_ text: String) -> Int {
        text.split(separator: " ").count
    }
}

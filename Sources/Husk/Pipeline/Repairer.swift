#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    /// The line is read through a pointer: passed by value it would be copied (a retain and
    /// release of each field).
    func joinLine(_ block: inout Block, with line: UnsafePointer<Line>) {
        block.text = Self.join(block.text, line.pointee.text)
        block.linkBytes += line.pointee.linkBytes
        block.links += line.pointee.links
        block.urls += line.pointee.urls
        block.images += line.pointee.images
    }

    static func join(_ a: String, _ b: String) -> String {
        if a.hasSuffix("-"), let beforeHyphen = a.dropLast().last, beforeHyphen.isLetter, startsLowercase(b) {
            return String(a.dropLast()) + String(joinMark) + b
        }
        return a + " " + b
    }

    /// Joins a block to the next when a blank line split a sentence: the first does not end a
    /// sentence and the second starts in lowercase, with nothing but blank lines between.
    /// A block carrying an image is not a continuation: "![portrait] by Jane Doe" is a byline.
    /// In place: kept blocks move down over the joined ones (a swap moves a block's fields; a
    /// copy would retain each of them).
    func joinSplitSentences(_ blocks: inout [Block]) {
        // Through the buffer: the array's own `swapAt` copies the blocks it exchanges.
        let kept = blocks.withUnsafeMutableBufferPointer { blocks in
            var kept = 0
            for i in blocks.indices {
                if kept > 0 {
                    let k = kept - 1
                    if blocks[k].kind == .paragraph, blocks[i].kind == .paragraph,
                        blocks[i].imagesBefore == 0, blocks[i].images == 0, !blocks[k].emphasized, !blocks[i].emphasized,
                        blocks[k].indent == blocks[i].indent,
                        !Self.endsSentence(blocks[k].text), Self.startsLowercase(blocks[i].text),
                        Self.wordCount(blocks[k].text) >= minWordsBeforeJoin
                    {
                        blocks[k].text = Self.join(blocks[k].text, blocks[i].text)
                        blocks[k].linkBytes += blocks[i].linkBytes
                        blocks[k].links += blocks[i].links
                        blocks[k].urls += blocks[i].urls
                        continue
                    }
                }
                if kept != i { swap(&blocks[kept], &blocks[i]) }
                kept += 1
            }
            return kept
        }
        blocks.removeLast(blocks.count - kept)
    }

    /// Replaces each join mark with a hyphen or nothing, by what the window's text shows.
    func resolveHyphens(_ blocks: inout [Block], vocabularyText: [String]) {
        // By index: a closure over the elements gets a copy of each block.
        guard blocks.indices.contains(where: { Self.hasJoinMark(blocks[$0].text) }) else { return }
        // Only the candidate compounds are looked up, in one lowercased copy of the window.
        let haystack = vocabularyText.joined(separator: "\n").asciiLowercased
        for k in blocks.indices where Self.hasJoinMark(blocks[k].text) {
            blocks[k].text = resolve(blocks[k].text, haystack)
        }
    }

    private func resolve(_ text: String, _ haystack: String) -> String {
        var result = ""
        let parts = text.split(separator: Self.joinMark, omittingEmptySubsequences: false)
        for (k, part) in parts.enumerated() {
            if k == 0 {
                result += part
                continue
            }
            let head = result.reversed().prefix { $0.isLetter || $0 == "-" }
            let left = String(head.reversed()).asciiLowercased
            let right = String(part.prefix { $0.isLetter || $0 == "-" }).asciiLowercased
            let hyphenated = Self.containsWord(haystack, left + "-" + right)
            let closed = Self.containsWord(haystack, left + right)
            result += (hyphenated && !closed ? "-" : "") + part
        }
        return result
    }

    /// Whether `text` holds a join mark (U+E000, bytes EE 80 80), checked on bytes.
    static func hasJoinMark(_ text: String) -> Bool {
        text.withBytes { bytes in
            // memchr finds the rare lead byte at memory speed; most blocks have none.
            guard var p = bytes.baseAddress else { return false }
            var left = bytes.count
            while left >= 3, let hit = memchr(p, 0xEE, left) {
                let at = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self))
                let offset = at - p
                if offset + 2 < left && at[1] == 0x80 && at[2] == 0x80 { return true }
                p = at + 1
                left -= offset + 1
            }
            return false
        }
    }

    /// Whether `word` occurs in `haystack` with no letter right before or after it.
    static func containsWord(_ haystack: String, _ word: String) -> Bool {
        var search = haystack[...]
        while let range = search.firstRange(of: word) {
            let before = range.lowerBound == haystack.startIndex ? nil : haystack[haystack.index(before: range.lowerBound)]
            let after = range.upperBound == haystack.endIndex ? nil : haystack[range.upperBound]
            if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) { return true }
            search = haystack[range.upperBound...]
        }
        return false
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

extension String {
    /// ASCII letters lowered, everything else as is: cheap, and enough to compare words of one document.
    var asciiLowercased: String {
        var bytes = Array(utf8)
        for k in bytes.indices where bytes[k] >= 0x41 && bytes[k] <= 0x5A { bytes[k] |= 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }
}

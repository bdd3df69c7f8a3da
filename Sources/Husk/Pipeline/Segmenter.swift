/// Groups lines into blocks: blank lines end paragraphs, list items, headings, quotes and table rows
/// stand alone, and hard-wrapped or indented lines are reflowed into one line per paragraph.
///
/// Whether a window of text is hard-wrapped is decided from its line lengths (most long lines
/// end near one width), so lines of html2text output, which never wrap, stay separate.
struct Segmenter {
    struct Wrapping {
        var isWrapped: Bool
        var width: Int
    }

    /// Lines at least this long (in characters) vote on the wrap width.
    var minVotingLength = 40
    var maxWrapWidth = 100
    var minVotingLines = 5
    /// A line this close to the wrap width was filled, so the paragraph goes on after it.
    var fullLineSlack = 25

    func wrapping(of lines: [Line]) -> Wrapping {
        var lengths: [Int] = []
        for line in lines where line.kind == .text || line.kind == .quote {
            let n = Self.characterCount(line.text) + line.indent
            if n >= minVotingLength { lengths.append(n) }
        }
        guard lengths.count >= minVotingLines else { return Wrapping(isWrapped: false, width: 0) }
        lengths.sort()
        let p95 = lengths[min(lengths.count - 1, lengths.count * 95 / 100)]
        guard p95 <= maxWrapWidth else { return Wrapping(isWrapped: false, width: p95) }
        let near = lengths.filter { $0 >= p95 - fullLineSlack }.count
        return Wrapping(isWrapped: Double(near) / Double(lengths.count) >= 0.5, width: p95)
    }

    func segment(_ lines: [Line], repairer: Repairer) -> [Block] {
        let wrap = wrapping(of: lines)
        var blocks: [Block] = []
        var imagesPending = 0
        var altsPending: [String] = []
        var gap = true
        // Lines are read in place (by index): copying a `Line` retains each of its fields.
        lines.withUnsafeBufferPointer { lines in
            var previous: Int? = nil
            for i in lines.indices {
                switch lines[i].kind {
                case .blank:
                    gap = true
                    previous = nil
                    continue
                case .markupOnly:
                    imagesPending += lines[i].images
                    if !lines[i].imageAlts.isEmpty { altsPending += lines[i].imageAlts }
                    gap = true
                    previous = nil
                    continue
                default:
                    break
                }
                if let p = previous, !blocks.isEmpty, continues(lines[p], lines[i], wrap: wrap) {
                    repairer.joinLine(&blocks[blocks.count - 1], with: lines[i])
                    previous = i
                    continue
                }
                var block = makeBlock(lines[i], imagesBefore: imagesPending, gap: gap)
                if !altsPending.isEmpty || !lines[i].imageAlts.isEmpty { block.imageAlts = altsPending + lines[i].imageAlts }
                blocks.append(block)
                altsPending = []
                imagesPending = 0
                gap = false
                previous = i
            }
        }
        return blocks
    }

    /// Whether `next` continues the paragraph that `prev` is part of.
    private func continues(_ prev: Line, _ next: Line, wrap: Wrapping) -> Bool {
        guard !prev.hardBreak else { return false }
        let sameKind: Bool
        switch (prev.kind, next.kind) {
        case (.text, .text), (.quote, .quote): sameKind = next.indent == prev.indent || next.kind == .quote
        case (.listItem, .text): sameKind = next.indent > prev.indent  // a wrapped list item
        default: sameKind = false
        }
        guard sameKind else { return false }
        let prevLength = Self.characterCount(prev.text) + prev.indent
        if wrap.isWrapped { return prevLength >= wrap.width - fullLineSlack }
        // Unwrapped text: only an obvious mid-sentence break joins.
        return prevLength >= minVotingLength && !Repairer.endsSentence(prev.text) && Repairer.startsLowercase(next.text)
    }

    private func makeBlock(_ line: Line, imagesBefore: Int, gap: Bool) -> Block {
        let kind: Paragraph.Kind
        var level = 0
        switch line.kind {
        case .heading(let l):
            kind = .heading
            level = l
        case .listItem:
            kind = .listItem
            level = line.indent / 2
        case .quote: kind = .quote
        case .tableRow: kind = .tableRow
        default: kind = .paragraph
        }
        return Block(
            line: line.number, text: line.text, kind: kind, level: level, indent: line.indent,
            linkBytes: line.linkBytes, links: line.links, urls: line.urls, emphasized: line.emphasized,
            imagesBefore: imagesBefore, images: line.images, gapBefore: gap)
    }

    /// Unicode scalars in `text`, counted from its UTF-8 bytes.
    static func characterCount(_ text: String) -> Int {
        text.withBytes { bytes in
            var n = 0
            for b in bytes where b & 0xC0 != 0x80 { n += 1 }
            return n
        }
    }
}

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
        // By index: `for line in lines` copies each line (a retain per field).
        for i in lines.indices where lines[i].kind == .text || lines[i].kind == .quote {
            let n = Self.characterCount(lines[i].text) + lines[i].indent
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
        // At most one block per line: reserved once, the array never grows by copying.
        blocks.reserveCapacity(lines.count)
        var imagesPending = 0
        var altsPending: [String] = []
        var gap = true
        // Lines are read in place (by index): copying a `Line` retains each of its fields.
        lines.withUnsafeBufferPointer { lines in
            guard let first = lines.baseAddress else { return }
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
                if let p = previous, !blocks.isEmpty, continues(first + p, first + i, wrap: wrap) {
                    repairer.joinLine(&blocks[blocks.count - 1], with: first + i)
                    previous = i
                    continue
                }
                // Built in the array: a local block appended would be copied (a retain per field).
                blocks.append(makeBlock(first + i, imagesBefore: imagesPending, gap: gap))
                if !altsPending.isEmpty || !lines[i].imageAlts.isEmpty {
                    blocks[blocks.count - 1].imageAlts = altsPending + lines[i].imageAlts
                }
                altsPending = []
                imagesPending = 0
                gap = false
                previous = i
            }
        }
        return blocks
    }

    /// Whether `next` continues the paragraph that `prev` is part of. Lines are read through
    /// pointers: passed by value, each would be copied (a retain and release per field).
    private func continues(_ prev: UnsafePointer<Line>, _ next: UnsafePointer<Line>, wrap: Wrapping) -> Bool {
        guard !prev.pointee.hardBreak else { return false }
        let sameKind: Bool
        switch (prev.pointee.kind, next.pointee.kind) {
        case (.text, .text), (.quote, .quote): sameKind = next.pointee.indent == prev.pointee.indent || next.pointee.kind == .quote
        case (.listItem, .text): sameKind = next.pointee.indent > prev.pointee.indent  // a wrapped list item
        default: sameKind = false
        }
        guard sameKind else { return false }
        let prevLength = Self.characterCount(prev.pointee.text) + prev.pointee.indent
        if wrap.isWrapped { return prevLength >= wrap.width - fullLineSlack }
        // Unwrapped text: only an obvious mid-sentence break joins.
        return prevLength >= minVotingLength && !Repairer.endsSentence(prev.pointee.text) && Repairer.startsLowercase(next.pointee.text)
    }

    private func makeBlock(_ line: UnsafePointer<Line>, imagesBefore: Int, gap: Bool) -> Block {
        let kind: Paragraph.Kind
        var level = 0
        switch line.pointee.kind {
        case .heading(let l):
            kind = .heading
            level = l
        case .listItem:
            kind = .listItem
            level = line.pointee.indent / 2
        case .quote: kind = .quote
        case .tableRow: kind = .tableRow
        default: kind = .paragraph
        }
        return Block(
            line: line.pointee.number, text: line.pointee.text, kind: kind, level: level, indent: line.pointee.indent,
            linkBytes: line.pointee.linkBytes, links: line.pointee.links, urls: line.pointee.urls, emphasized: line.pointee.emphasized,
            imagesBefore: imagesBefore, images: line.pointee.images, gapBefore: gap)
    }

    /// Unicode scalars in `text`, counted from its UTF-8 bytes.
    static func characterCount(_ text: String) -> Int {
        text.withBytes(UTF8Bytes.scalarCount)
    }
}

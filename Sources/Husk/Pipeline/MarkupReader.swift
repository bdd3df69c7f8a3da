/// Reads markdown-ish markup on one line and leaves no trace of it in the text.
///
/// Headings, list markers, quotes, tables, rules, links `[text](url)` (text kept and counted as
/// link text), images (dropped), reference links, autolinks, emphasis, inline code, escapes and
/// stray HTML tags. Works on bytes: markup is ASCII, so no `Character` iteration is needed.
struct MarkupReader {
    /// Nesting depth beyond which brackets are read as plain text (hostile input stays linear).
    var maxNesting = 32

    func read(_ raw: String, number: Int) -> Line {
        Array(raw.utf8).withUnsafeBufferPointer { read(bytes: $0, number: number) }
    }

    /// Reads one line given as UTF-8 bytes (the normalizer's output), in place.
    func read(bytes: UnsafeBufferPointer<UInt8>, number: Int) -> Line {
        var i = 0
        var indent = 0
        while i < bytes.count && bytes[i] == 0x20 {
            indent += 1
            i += 1
        }
        var trailing = bytes.count
        let hardBreak = trailing >= 2 && bytes[trailing - 1] == 0x20 && bytes[trailing - 2] == 0x20
            || (trailing > 0 && bytes[trailing - 1] == 0x5C)
        while trailing > i && bytes[trailing - 1] == 0x20 { trailing -= 1 }
        // The line is built once, at the end: a `var line` filled in along the way and then
        // returned was copied on return (a retain and release of each field, every line).
        if i >= trailing { return Line(number: number, kind: .blank, indent: indent, text: "", hardBreak: hardBreak) }
        let body = UnsafeBufferPointer(rebasing: bytes[i..<trailing])
        if Self.isRule(body) || Self.isTableSeparator(body) || Self.isReferenceDefinition(body)
            || body.starts(with: [0x60, 0x60, 0x60]) {
            return Line(number: number, kind: .markupOnly, indent: indent, text: "", hardBreak: hardBreak)
        }
        var kind = Line.Kind.text
        var marker = ""
        var start = 0
        // Block markers: quotes, headings, list items.
        while start < body.count && body[start] == 0x3E {  // '>'
            kind = .quote
            marker = ">"
            start += 1
            while start < body.count && body[start] == 0x20 { start += 1 }
        }
        if kind == .text, let level = Self.headingLevel(body) {
            start = level
            var end = body.count
            while end > start && (body[end - 1] == 0x23 || body[end - 1] == 0x20) { end -= 1 }
            return finish(
                number: number, kind: .heading(level), indent: indent, hardBreak: hardBreak,
                marker: String(repeating: "#", count: level), body[start..<end])
        }
        if let markerEnd = Self.listMarkerEnd(body, from: start) {
            if kind == .text { kind = .listItem }
            marker = String(decoding: body[start..<markerEnd], as: UTF8.self).trimmingSpaces
            start = markerEnd
        }
        if kind == .text && Self.looksLikeTableRow(body) { kind = .tableRow }
        return finish(number: number, kind: kind, indent: indent, hardBreak: hardBreak, marker: marker, body[start...])
    }

    /// The line of `content` once its inline markup is read.
    private func finish(
        number: Int, kind: Line.Kind, indent: Int, hardBreak: Bool, marker: String, _ content: Slice<UnsafeBufferPointer<UInt8>>
    ) -> Line {
        var inline = InlineReader(maxNesting: maxNesting)
        var out: [UInt8] = []
        out.reserveCapacity(content.count)
        inline.read(content, into: &out, depth: 0)
        let linkBytes = Self.collapseSpaces(&out, linkRanges: inline.linkRanges)
        var text = String(decoding: out, as: UTF8.self)
        if kind == .tableRow { text = Self.tableText(text) }
        return Line(
            number: number, kind: text.isEmpty && kind != .blank ? .markupOnly : kind, indent: indent, text: text,
            linkBytes: linkBytes, links: inline.links, images: inline.images, imageAlts: inline.imageAlts, urls: inline.urls,
            emphasized: Self.isWhollyEmphasized(UnsafeBufferPointer(rebasing: content)), hardBreak: hardBreak, marker: marker)
    }

    // MARK: - Block markers

    static func isRule(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first, first == 0x2D || first == 0x2A || first == 0x5F || first == 0x3D else { return false }
        var count = 0
        for x in b {
            if x == first { count += 1 } else if x != 0x20 { return false }
        }
        return count >= 3
    }

    static func isTableSeparator(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var dashes = 0
        var pipes = 0
        for x in b {
            switch x {
            case 0x2D: dashes += 1
            case 0x7C: pipes += 1
            case 0x3A, 0x20: continue
            default: return false
            }
        }
        return dashes >= 3 && pipes >= 1
    }

    static func isReferenceDefinition(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.first == 0x5B, let close = b.firstIndex(of: 0x5D), close > 1,
            close + 1 < b.count, b[close + 1] == 0x3A
        else { return false }
        return !b[1..<close].contains(0x5B)
    }

    static func headingLevel(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var level = 0
        while level < b.count && b[level] == 0x23 { level += 1 }
        guard level >= 1 && level <= 6, level < b.count, b[level] == 0x20 else { return nil }
        return level
    }

    /// End of a list marker (`*`, `-`, `+`, `•`, `1.`, `1)`) and the space after it.
    static func listMarkerEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < b.count else { return nil }
        var i = start
        let c = b[i]
        if c == 0x2A || c == 0x2D || c == 0x2B {
            i += 1
        } else if c == 0xE2 && i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0xA2 {  // •
            i += 3
        } else if c >= 0x30 && c <= 0x39 {
            while i < b.count && i - start < 3 && b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
            guard i < b.count, b[i] == 0x2E || b[i] == 0x29 else { return nil }
            i += 1
            // "12. März 2024" or "22. 5. 2024" is a date, not a numbered list item.
            if b[i - 1] == 0x2E && Self.looksLikeDateAfterDay(b, from: i) { return nil }
        } else {
            return nil
        }
        if i == b.count { return c == 0x2A || c == 0x2D ? i : nil }
        guard b[i] == 0x20 else { return nil }
        while i < b.count && b[i] == 0x20 { i += 1 }
        return i
    }

    /// After "12." : a month name or number followed by a four-digit year within a few words.
    static func looksLikeDateAfterDay(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        var k = from
        while k < b.count && b[k] == 0x20 { k += 1 }
        let end = min(b.count, k + 24)
        var digits = 0
        var k2 = k
        while k2 < end {
            if b[k2] >= 0x30 && b[k2] <= 0x39 {
                digits += 1
                if digits == 4 && (k2 + 1 == b.count || !(b[k2 + 1] >= 0x30 && b[k2 + 1] <= 0x39)) { return true }
            } else {
                digits = 0
            }
            k2 += 1
        }
        return false
    }

    /// Two pipes, or one at either end. Every text line is asked, and few hold a pipe at all:
    /// `memchr` finds the first (or none) without a loop over each byte.
    static func looksLikeTableRow(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = UTF8Bytes.firstIndex(of: 0x7C, in: b) else { return false }
        if first == 0 || first == b.count - 1 { return true }
        return UTF8Bytes.firstIndex(of: 0x7C, in: b, from: first + 1) != nil
    }

    /// Cells joined with " | " trimmed of outer pipes and empty cells.
    static func tableText(_ text: String) -> String {
        let cells = text.split(separator: "|").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        return cells.joined(separator: " | ")
    }

    static func isWhollyEmphasized(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 3, let first = b.first, let last = b.last else { return false }
        return (first == 0x2A || first == 0x5F) && last == first && b[1] != 0x20
    }

    /// Collapses runs of spaces and trims, in place; returns how many bytes left are link text.
    static func collapseSpaces(_ b: inout [UInt8], linkRanges: [Range<Int>]) -> Int {
        // Most lines have no link and no space to drop: then there is nothing to do.
        if linkRanges.isEmpty && b.first != 0x20 && b.last != 0x20 {
            if !b.withUnsafeBufferPointer(UTF8Bytes.hasDoubleSpace) { return 0 }
        }
        var linkBytes = 0
        var n = 0
        b.withUnsafeMutableBufferPointer { b in
            // Writes trail reads (n <= k), so one buffer serves as both.
            var rangeIndex = 0
            var lastSpace = true
            for k in 0..<b.count {
                let x = b[k]
                if x == 0x20 {
                    if lastSpace { continue }
                    lastSpace = true
                } else {
                    lastSpace = false
                }
                b[n] = x
                n += 1
                guard x != 0x20, !linkRanges.isEmpty else { continue }
                while rangeIndex < linkRanges.count && linkRanges[rangeIndex].upperBound <= k { rangeIndex += 1 }
                if rangeIndex < linkRanges.count && linkRanges[rangeIndex].contains(k) { linkBytes += 1 }
            }
            while n > 0 && b[n - 1] == 0x20 { n -= 1 }
        }
        b.removeSubrange(n...)
        return linkBytes
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces (found on bytes, not characters).
    var trimmingSpaces: String {
        // Only the ends are read, in place; nothing is copied when nothing is trimmed.
        func trim(_ u: UnsafeBufferPointer<UInt8>) -> String {
            var start = 0
            var end = u.count
            while start < end && u[start] == 0x20 { start += 1 }
            while end > start && u[end - 1] == 0x20 { end -= 1 }
            if start == 0 && end == u.count, let same = self as? String { return same }
            return String(decoding: UnsafeBufferPointer(rebasing: u[start..<end]), as: UTF8.self)
        }
        if let done = utf8.withContiguousStorageIfAvailable(trim) { return done }
        return Array(utf8).withUnsafeBufferPointer(trim)
    }
}

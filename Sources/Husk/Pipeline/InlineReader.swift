/// Removes inline markdown from a line's bytes, keeping visible text and counting links and images.
///
/// Every scan for a closing bracket is bounded (`lookahead`), and nesting deeper than
/// `maxNesting` is read as text, so pathological input (`[[[[`, `](` repeated) stays near linear.
struct InlineReader {
    var maxNesting: Int
    var lookahead = 2048
    private(set) var links = 0
    private(set) var images = 0
    private(set) var urls = 0
    /// Alt texts of the images read (logos often name the site).
    private(set) var imageAlts: [String] = []
    /// Ranges of the output that are link text.
    private(set) var linkRanges: [Range<Int>] = []

    init(maxNesting: Int) {
        self.maxNesting = maxNesting
    }

    mutating func read(_ s: Slice<UnsafeBufferPointer<UInt8>>, into out: inout [UInt8], depth: Int) {
        var i = s.startIndex
        let end = s.endIndex
        while i < end {
            let c = s[i]
            switch c {
            case 0x5C:  // backslash escape
                if i + 1 < end, Self.isASCIIPunctuation(s[i + 1]) {
                    out.append(s[i + 1])
                    i += 2
                } else {
                    out.append(c)
                    i += 1
                }
            case 0x21 where i + 1 < end && s[i + 1] == 0x5B:  // ![alt](src)
                if depth < maxNesting, let link = Self.link(in: s, at: i + 1, lookahead: lookahead) {
                    images += 1
                    if imageAlts.count < 4, link.text.count <= 80 {
                        imageAlts.append(String(decoding: Self.unescaped(s[link.text]), as: UTF8.self))
                    }
                    i = link.after
                } else {
                    out.append(c)
                    i += 1
                }
            case 0x5B:  // [text](url) or [text][ref]
                if depth < maxNesting, let link = Self.link(in: s, at: i, lookahead: lookahead) {
                    let startOut = out.count
                    read(s[link.text], into: &out, depth: depth + 1)
                    if out.count > startOut { linkRanges.append(startOut..<out.count) }
                    links += 1
                    i = link.after
                } else if let after = Self.numberedReference(s, at: i) {
                    // Lynx-style "[12]Home": a link marker, not text.
                    links += 1
                    i = after
                } else {
                    out.append(c)
                    i += 1
                }
            case 0x3C:  // <autolink> or <tag>
                i = angle(s, at: i, into: &out)
            case 0x2A, 0x7E:  // * ~ emphasis and strike-through markers
                var j = i
                while j < end && s[j] == c { j += 1 }
                let spaceBefore = i == s.startIndex || s[i - 1] == 0x20
                let spaceAfter = j == end || s[j] == 0x20
                if spaceBefore && spaceAfter { out.append(contentsOf: s[i..<j]) }
                i = j
            case 0x5F:  // _ emphasis unless inside a word (snake_case)
                var j = i
                while j < end && s[j] == 0x5F { j += 1 }
                let wordBefore = i > s.startIndex && Self.isWordByte(s[i - 1])
                let wordAfter = j < end && Self.isWordByte(s[j])
                if wordBefore && wordAfter { out.append(contentsOf: s[i..<j]) }
                i = j
            case 0x60:  // inline code ticks
                i += 1
            case 0x68, 0x77:  // http(s):// or www.
                if let urlEnd = Self.bareURLEnd(s, at: i) {
                    urls += 1
                    let startOut = out.count
                    out.append(contentsOf: s[i..<urlEnd])
                    linkRanges.append(startOut..<out.count)
                    i = urlEnd
                } else {
                    out.append(c)
                    i += 1
                }
            default:
                // Copy the run of bytes up to the next that may start markup in one go.
                let j = Self.endOfPlainRun(s, from: i + 1)
                out.append(contentsOf: s[i..<j])
                i = j
            }
        }
    }

    /// Per byte: 1 for those the switch in `read` handles (backslash, `!`, `[`, `<`, `*`, `~`,
    /// `_`, backtick), 2 for `h` and `w`, which start markup only as `http` or `www`, else 0.
    static let markupStarts: [UInt8] = (0..<256).map { b in
        switch b {
        case 0x5C, 0x21, 0x5B, 0x3C, 0x2A, 0x7E, 0x5F, 0x60: return 1
        case 0x68, 0x77: return 2
        default: return 0
        }
    }

    /// Where the run of plain bytes from `start` ends: at the next byte that may start markup,
    /// or the slice's end. One table load per byte: most bytes of a line are plain.
    @inline(__always)
    static func endOfPlainRun(_ s: Slice<UnsafeBufferPointer<UInt8>>, from start: Int) -> Int {
        let end = s.endIndex
        guard let base = s.base.baseAddress else { return end }
        return markupStarts.withUnsafeBufferPointer { table in
            var j = start
            while j < end {
                let kind = table[Int(base[j])]
                if kind == 0 {
                    j &+= 1
                    continue
                }
                if kind == 1 { return j }
                // `h` before `t`, `w` before `w`.
                let follower: UInt8 = base[j] == 0x68 ? 0x74 : 0x77
                if j &+ 1 < end && base[j &+ 1] == follower { return j }
                j &+= 1
            }
            return end
        }
    }

    /// `[text](dest)` or `[text][ref]` starting at `open`: the text range and where the link ends.
    static func link(in s: Slice<UnsafeBufferPointer<UInt8>>, at open: Int, lookahead: Int) -> (text: Range<Int>, after: Int)? {
        let end = min(s.endIndex, open + lookahead)
        var depth = 0
        var k = open
        var close = -1
        while k < end {
            let x = s[k]
            if x == 0x5C { k += 2; continue }
            if x == 0x5B { depth += 1 } else if x == 0x5D {
                depth -= 1
                if depth == 0 {
                    close = k
                    break
                }
            }
            k += 1
        }
        guard close > 0, close + 1 < s.endIndex else { return nil }
        let next = s[close + 1]
        let opener: UInt8
        let closer: UInt8
        if next == 0x28 {
            opener = 0x28
            closer = 0x29
        } else if next == 0x5B {
            opener = 0x5B
            closer = 0x5D
        } else {
            return nil
        }
        var parens = 0
        var j = close + 1
        let limit = min(s.endIndex, close + 1 + lookahead)
        while j < limit {
            let x = s[j]
            if x == opener { parens += 1 } else if x == closer {
                parens -= 1
                if parens == 0 { return ((open + 1)..<close, j + 1) }
            } else if x == 0x20 && opener == 0x28 && parens == 1 {
                // A destination may hold a quoted title after a space; keep scanning.
            }
            j += 1
        }
        return nil
    }

    private mutating func angle(_ s: Slice<UnsafeBufferPointer<UInt8>>, at i: Int, into out: inout [UInt8]) -> Int {
        let end = min(s.endIndex, i + 512)
        var k = i + 1
        while k < end && s[k] != 0x3E && s[k] != 0x3C { k += 1 }
        guard k < end, s[k] == 0x3E, k > i + 1 else {
            out.append(0x3C)
            return i + 1
        }
        let inner = s[(i + 1)..<k]
        if Self.hasPrefix(inner, "http://") || Self.hasPrefix(inner, "https://") || Self.hasPrefix(inner, "mailto:") {
            urls += 1
            let startOut = out.count
            out.append(contentsOf: inner)
            linkRanges.append(startOut..<out.count)
            return k + 1
        }
        let first = inner[inner.startIndex]
        let isTag = Self.isASCIILetter(first)
            || ((first == 0x2F || first == 0x21) && inner.count > 1 && Self.isASCIILetter(inner[inner.startIndex + 1]))
        if isTag && !inner.contains(0x20) || isTag && inner.contains(0x3D) {
            return k + 1
        }
        out.append(0x3C)
        return i + 1
    }

    /// End of a `[12]` link marker glued to the next word (text dumps of browsers), if one starts at `i`.
    static func numberedReference(_ s: Slice<UnsafeBufferPointer<UInt8>>, at i: Int) -> Int? {
        var k = i + 1
        while k < s.endIndex && k - i <= 5 && s[k] >= 0x30 && s[k] <= 0x39 { k += 1 }
        guard k > i + 1, k < s.endIndex, s[k] == 0x5D else { return nil }
        let next = k + 1
        guard next < s.endIndex, s[next] != 0x20, s[next] != 0x28, s[next] != 0x5B else { return nil }
        return next
    }

    static func bareURLEnd(_ s: Slice<UnsafeBufferPointer<UInt8>>, at i: Int) -> Int? {
        let atWordStart = i == s.startIndex || !isWordByte(s[i - 1])
        guard atWordStart else { return nil }
        let rest = s[i...]
        guard hasPrefix(rest, "http://") || hasPrefix(rest, "https://") || hasPrefix(rest, "www.") else { return nil }
        var k = i
        while k < s.endIndex && s[k] != 0x20 && s[k] != 0x29 && s[k] != 0x5D && s[k] != 0x3E { k += 1 }
        while k > i && (s[k - 1] == 0x2E || s[k - 1] == 0x2C) { k -= 1 }
        return k - i > 4 ? k : nil
    }

    static func hasPrefix(_ s: Slice<UnsafeBufferPointer<UInt8>>, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard s.count >= count else { return false }
        return prefix.withUTF8Buffer { p in
            var k = 0
            while k < count {
                if s[s.startIndex + k] | 0x20 != p[k] | 0x20 { return false }
                k += 1
            }
            return true
        }
    }

    /// Bytes with markdown backslash escapes removed ("Icon \\(1\\)" reads "Icon (1)").
    static func unescaped(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var k = bytes.startIndex
        while k < bytes.endIndex {
            if bytes[k] == 0x5C, k + 1 < bytes.endIndex, isASCIIPunctuation(bytes[k + 1]) {
                out.append(bytes[k + 1])
                k += 2
            } else {
                out.append(bytes[k])
                k += 1
            }
        }
        return out
    }

    static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }

    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// Letters, digits and any non-ASCII byte (part of a letter in most scripts).
    static func isWordByte(_ b: UInt8) -> Bool {
        isASCIILetter(b) || (b >= 0x30 && b <= 0x39) || b >= 0x80
    }
}

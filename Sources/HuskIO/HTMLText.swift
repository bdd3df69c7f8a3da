/// A plain rendering of HTML for WARC response records: block tags become line breaks, headings
/// and list items keep markdown markers, scripts, styles and comments vanish.
///
/// Husk works on text; this gives it text close to what a browser copy would hold. Entities are
/// left alone (Husk's normalizer decodes them), and no attempt is made to be a full HTML parser.
public enum HTMLText {
    /// Elements whose content is never text a reader sees.
    static let hidden: Set<String> = ["script", "style", "noscript", "template", "svg", "iframe", "object", "canvas"]
    /// Elements that start and end a paragraph.
    static let blocks: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "ul", "ol", "table", "tr",
        "blockquote", "pre", "figure", "figcaption", "form", "dl", "dd", "dt", "address", "details", "summary", "body",
    ]

    public static func render(_ html: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(html.count / 2)
        var i = 0
        let n = html.count
        var pendingSpace = false
        var title: [UInt8]? = nil

        func newline(_ count: Int) {
            pendingSpace = false
            var have = 0
            var k = out.count - 1
            while k >= 0 && out[k] == 0x0A && have < count { have += 1; k -= 1 }
            if out.isEmpty { return }
            for _ in have..<count { out.append(0x0A) }
        }

        while i < n {
            let c = html[i]
            if c == UInt8(ascii: "<") {
                if html[i...].starts(with: "<!--".utf8) {
                    i = find("-->".utf8, in: html, from: i + 4).map { $0 + 3 } ?? n
                    continue
                }
                guard let close = html[i...].firstIndex(of: UInt8(ascii: ">")) else { break }
                let (name, isEnd) = tagName(html[(i + 1)..<close])
                i = close + 1
                if name.isEmpty { continue }
                if !isEnd && name == "title", title == nil {
                    let stop = find("</".utf8, in: html, from: i) ?? n
                    title = collapse(html[i..<stop])
                    i = stop
                    continue
                }
                if !isEnd && hidden.contains(name) && html[close - 1] != UInt8(ascii: "/") {
                    i = findEndTag(name, in: html, from: i)
                    continue
                }
                if name == "br" {
                    out.append(0x0A)
                    pendingSpace = false
                } else if name.count == 2, name.first == "h", let level = Int(String(name.dropFirst())), (1...6).contains(level) {
                    newline(2)
                    if !isEnd { out.append(contentsOf: Array(repeating: UInt8(ascii: "#"), count: level) + [0x20]) }
                } else if name == "li" {
                    newline(1)
                    if !isEnd { out.append(contentsOf: "- ".utf8) }
                } else if name == "td" || name == "th" {
                    if !isEnd { out.append(contentsOf: " | ".utf8) }
                } else if blocks.contains(name) || name == "hr" {
                    newline(2)
                }
                continue
            }
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
                pendingSpace = true
                i += 1
                continue
            }
            if pendingSpace, let last = out.last, last != 0x0A, last != 0x20 { out.append(0x20) }
            pendingSpace = false
            out.append(c)
            i += 1
        }
        if let title, !title.isEmpty { out = title + [0x0A, 0x0A] + out }
        return out
    }

    /// Lowercased tag name and whether it is an end tag.
    static func tagName(_ inside: ArraySlice<UInt8>) -> (String, Bool) {
        var s = inside.startIndex
        var isEnd = false
        if s < inside.endIndex && inside[s] == UInt8(ascii: "/") { isEnd = true; s += 1 }
        var e = s
        while e < inside.endIndex {
            let b = inside[e] | 0x20
            if (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (inside[e] >= 0x30 && inside[e] <= 0x39) { e += 1 } else { break }
        }
        return (String(decoding: inside[s..<e].map { $0 | 0x20 }, as: UTF8.self), isEnd)
    }

    static func find(_ needle: String.UTF8View, in hay: [UInt8], from: Int) -> Int? {
        let first = needle.first ?? 0
        var i = from
        while i < hay.count {
            guard let j = hay[i...].firstIndex(of: first) else { return nil }
            if hay[j...].starts(with: needle) { return j }
            i = j + 1
        }
        return nil
    }

    /// Just past `</name ...>`, matched without regard to case; the end when missing.
    static func findEndTag(_ name: String, in html: [UInt8], from: Int) -> Int {
        var i = from
        while let j = find("</".utf8, in: html, from: i) {
            let (found, _) = tagName(html[(j + 1)..<min(html.count, j + 2 + name.count + 1)])
            if found == name, let close = html[j...].firstIndex(of: UInt8(ascii: ">")) { return close + 1 }
            i = j + 2
        }
        return html.count
    }

    static func collapse(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var space = false
        for b in bytes {
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { space = !out.isEmpty; continue }
            if space { out.append(0x20); space = false }
            out.append(b)
        }
        return out
    }
}

/// One input line after normalization and markup reading: its visible text and what its markup said.
struct Line {
    enum Kind: Equatable {
        case blank
        case text
        case heading(Int)
        case listItem
        case quote
        case tableRow
        /// Markup with no text of its own: `---`, table separators, reference definitions, code fences.
        case markupOnly
    }

    /// 1-based line number in the input.
    var number: Int
    var kind: Kind
    /// Leading spaces before any marker (layout indentation in plain dumps).
    var indent: Int
    /// Visible text: markup removed, whitespace collapsed.
    var text: String
    /// Bytes of `text` that were link text.
    var linkBytes = 0
    var links = 0
    var images = 0
    var imageAlts: [String] = []
    /// Bare URLs and autolinks.
    var urls = 0
    /// The whole line was emphasis (`*...*`, `_..._`): captions, deks and bios often are.
    var emphasized = false
    /// The line ended with a markdown hard break (two spaces or a backslash).
    var hardBreak = false
    /// The line had a list marker, a heading marker or a quote marker.
    var marker: String = ""

    var isBlank: Bool { kind == .blank }
}

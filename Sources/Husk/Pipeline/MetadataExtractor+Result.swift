/// What the metadata reading found, and where.
extension MetadataExtractor {
    /// The headers read so far, why each was read, and the blocks they used up.
    struct Result {
        var metadata = Metadata()
        var provenance: [String: String] = [:]
        /// Blocks whose whole text became a header (dropped from the body).
        var consumed: [Int: String] = [:]
        /// The block the author's name came from: the byline, where a date often stands too.
        var authorBlock: Int? = nil

        /// Whether `name` is the site's brand, so no author: the chosen site name, unless only
        /// the copyright line gave it. The holder of a personal site's copyright is its author.
        func isBrandName(_ name: String) -> Bool {
            name == metadata.sitename && provenance["sitename"]?.hasSuffix("rule extract-sitename-copyright") != true
        }

        /// Records the authors read from block `index` (input line `line`), and why; with
        /// `consuming`, the block's whole text was the byline and leaves the body.
        mutating func setAuthors(_ names: [String], block index: Int, line: Int, because reason: String, consuming: Bool = false) {
            metadata.authors = names
            authorBlock = index
            provenance["author"] = "line \(line), \(reason)"
            if consuming { consumed[index] = "author" }
        }
    }
}

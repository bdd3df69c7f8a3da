/// What Husk learned about a document from its text: every field is absent unless the text shows it.
public struct Metadata: Sendable, Codable, Equatable {
    public var title: String?
    public var authors: [String]
    /// Publication day as `YYYY-MM-DD`.
    public var date: String?
    /// Last-updated day as `YYYY-MM-DD`, when the page states one apart from the publication date.
    public var updated: String?
    public var sitename: String?
    /// The original source, when the page says it republishes another outlet's article.
    public var source: String?
    /// ISO 639-1 code of the body text.
    public var language: String?
    public var tags: [String]
    public var description: String?
    /// Known only from the input's own metadata (JSONL, WARC), never guessed.
    public var url: String?

    public init(
        title: String? = nil, authors: [String] = [], date: String? = nil, updated: String? = nil,
        sitename: String? = nil, source: String? = nil, language: String? = nil, tags: [String] = [],
        description: String? = nil, url: String? = nil
    ) {
        self.title = title
        self.authors = authors
        self.date = date
        self.updated = updated
        self.sitename = sitename
        self.source = source
        self.language = language
        self.tags = tags
        self.description = description
        self.url = url
    }

    /// Authors joined by `; `, the form the text and JSON outputs print under `author`.
    public var author: String? { authors.isEmpty ? nil : authors.joined(separator: "; ") }

    /// The fields in output order, as (key, value) pairs, skipping absent ones.
    public var fields: [(key: String, value: String)] {
        var out: [(String, String)] = []
        if let title { out.append(("title", title)) }
        if let author { out.append(("author", author)) }
        if let date { out.append(("date", date)) }
        if let updated { out.append(("updated", updated)) }
        if let sitename { out.append(("sitename", sitename)) }
        if let source { out.append(("source", source)) }
        if let language { out.append(("language", language)) }
        if !tags.isEmpty { out.append(("tags", tags.joined(separator: ", "))) }
        if let description { out.append(("description", description)) }
        if let url { out.append(("url", url)) }
        return out
    }
}

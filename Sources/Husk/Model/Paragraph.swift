/// One unit of kept article text, with the structure a reader would see.
public struct Paragraph: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case paragraph, heading, listItem = "list-item", quote, tableRow = "table-row"
    }

    public var text: String
    public var kind: Kind
    /// Heading level (1-6) for headings, nesting depth for list items, 0 otherwise.
    public var level: Int

    public init(text: String, kind: Kind = .paragraph, level: Int = 0) {
        self.text = text
        self.kind = kind
        self.level = level
    }
}

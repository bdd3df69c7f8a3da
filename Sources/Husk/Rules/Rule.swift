/// One rule from a rules file: when its pattern matches a block, it drops, protects or extracts.
public struct Rule: Sendable, Equatable {
    public enum Scope: String, Sendable, CaseIterable {
        /// Short blocks only (up to the rule's `max-length`): menus, prompts, credits.
        case line
        /// Any block, however long: disclaimers, long legal paragraphs.
        case block
    }

    public enum Action: Sendable, Equatable {
        /// Drop the block.
        case drop
        /// Drop this block and everything after it, once article text has been kept above it.
        case dropRest
        /// Drop this block and everything before it.
        case dropBefore
        /// Keep the block whatever the classifier says.
        case protect
        /// Take a metadata field from the pattern's first capture group (or the whole match); drop the block.
        case extract(String)
        /// Only tell the classifier (the category becomes evidence).
        case hint

        public static let extractableFields = ["author", "date", "updated", "sitename", "source", "tags", "title"]

        init?(_ text: String) {
            switch text {
            case "drop": self = .drop
            case "drop-rest": self = .dropRest
            case "drop-before": self = .dropBefore
            case "protect": self = .protect
            case "hint": self = .hint
            default:
                guard text.hasPrefix("extract:") else { return nil }
                let field = String(text.dropFirst("extract:".count))
                guard Self.extractableFields.contains(field) else { return nil }
                self = .extract(field)
            }
        }

        var name: String {
            switch self {
            case .drop: return "drop"
            case .dropRest: return "drop-rest"
            case .dropBefore: return "drop-before"
            case .protect: return "protect"
            case .hint: return "hint"
            case .extract(let field): return "extract:\(field)"
            }
        }
    }

    public var id: String
    public var category: String
    public var scope: Scope
    public var action: Action
    /// ISO 639-1 codes the rule applies to; empty means every language.
    public var languages: [String]
    public var patterns: [String]
    /// Lowercase literals of which at least one must occur for the patterns to be tried.
    public var keywords: [String]
    public var maxLength: Int?
    public var caseSensitive: Bool
    public var examples: [String]
    public var counterExamples: [String]
    /// Where the rule was defined, for messages.
    public var file: String
    public var line: Int

    func applies(to language: String?) -> Bool {
        guard !languages.isEmpty else { return true }
        guard let language else { return false }
        return languages.contains(language)
    }
}

extension Rule {
    /// The action as written in rules files (`drop`, `extract:author`...).
    public var actionName: String { action.name }
}

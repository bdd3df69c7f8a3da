/// The rule categories the classifier knows as evidence: each becomes a 0/1 feature.
///
/// Rules of other (user-defined) categories still act through their actions.
enum RuleCategories {
    static let known = [
        "nav", "breadcrumb", "share", "caption", "credit", "cookie", "newsletter", "related",
        "comments", "ads", "legal", "disclaimer", "byline", "dateline", "trailer", "tags",
        "author-bio", "paywall", "social", "navigation-word", "cta",
    ]
    static let index: [String: Int] = Dictionary(uniqueKeysWithValues: known.enumerated().map { ($1, $0) })
}

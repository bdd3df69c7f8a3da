/// A rule that matched a block, with what its capture said (for extraction rules).
struct RuleHit {
    var rule: Int
    var captured: String?
}

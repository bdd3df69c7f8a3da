/// One input block as Husk saw it, for `--explain` and training: text, decision, evidence.
public struct BlockReport: Sendable, Codable, Equatable {
    /// 1-based line number of the block's first line in the input.
    public var line: Int
    public var text: String
    public var decision: Decision
    /// Named feature values the classifier used (empty unless explanations were requested).
    public var features: [String: Double]

    public init(line: Int, text: String, decision: Decision, features: [String: Double] = [:]) {
        self.line = line
        self.text = text
        self.decision = decision
        self.features = features
    }
}

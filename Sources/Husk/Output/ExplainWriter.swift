#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--explain`: where each metadata field came from, then every block with KEEP or DROP and why.
public struct ExplainWriter: Sendable {
    public var showFeatures: Bool

    public init(showFeatures: Bool = false) {
        self.showFeatures = showFeatures
    }

    public func render(_ document: CleanedDocument) -> String {
        var out = ""
        for (key, value) in document.metadata.fields {
            let source = document.provenance[key].map { "  (\($0))" } ?? ""
            out += "meta  \(key): \(value)\(source)\n"
        }
        for (k, block) in document.blocks.enumerated() {
            let verdict = block.decision.verdict.rawValue
            let reason: String
            switch block.decision.reason {
            case .continuesProse(let p):
                reason = "continues-prose p=\(Self.fixed(p))"
            case .score(let p):
                reason = "p=\(Self.fixed(p)) words=\(Self.fixed(Self.words(block))) stop=\(Self.fixed(Self.feature(block, "stop_density"))) links=\(Self.fixed(Self.feature(block, "link_density")))"
            default:
                reason = block.decision.label
            }
            out += "block \(k + 1)  line \(block.line)  \(verdict)  \(Self.pad(reason, 44))  \(Self.quote(block.text))\n"
            if showFeatures {
                let listed = block.features.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.fixed(Self.decimal($0.value)))" }
                out += "      " + listed.joined(separator: " ") + "\n"
            }
        }
        return out
    }

    /// A feature as the decimal it was computed as: features are kept as Floats, and 31/40 as a
    /// Float is 0.77499998, which would print as 0.77.
    static func feature(_ block: BlockReport, _ name: String) -> Double {
        decimal(block.features[name] ?? 0)
    }

    /// `v` snapped to six decimals (a Float holds about seven significant digits).
    static func decimal(_ v: Double) -> Double {
        abs(v) < 1e6 ? (v * 1e6).rounded() / 1e6 : v
    }

    static func words(_ block: BlockReport) -> Double {
        guard let log = block.features["words_log"] else { return 0 }
        return (exp(log) - 1).rounded()
    }

    static func fixed(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e6 { return String(Int(v)) }
        let scaled = (v * 100).rounded() / 100
        return String(scaled)
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    static func quote(_ s: String) -> String {
        let limit = 80
        let clipped = s.count > limit ? String(s.prefix(limit - 1)) + "\u{2026}" : s
        return "\"" + clipped + "\""
    }
}

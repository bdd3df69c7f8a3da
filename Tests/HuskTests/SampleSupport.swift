import Foundation
import Husk

/// The golden samples under `Samples/` and the same checks as `../shared/tools/check-samples`.
enum SampleSupport {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples")

    static func cases() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().map { root.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("expect.json").path) }
    }

    /// Sample names listed in `Samples/KNOWN-FAILURES` (one per line; `#` starts a comment).
    static func knownFailures() -> Set<String> {
        guard let text = try? String(contentsOf: root.appendingPathComponent("KNOWN-FAILURES"), encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").compactMap { line in
            let name = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?
                .trimmingCharacters(in: .whitespaces) ?? ""
            return name.isEmpty ? nil : name
        })
    }

    static func input(_ sample: URL) throws -> [UInt8] {
        Array(try Data(contentsOf: sample.appendingPathComponent("input.txt")))
    }

    static func fold(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Problems with `document` against the sample's expect.json; empty when it passes.
    static func problems(_ document: CleanedDocument, _ sample: URL) throws -> [String] {
        let data = try Data(contentsOf: sample.appendingPathComponent("expect.json"))
        guard let expect = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return ["bad expect.json"] }
        var problems: [String] = []
        let meta = document.metadata
        let values: [String: String?] = [
            "title": meta.title, "author": meta.author, "date": meta.date, "sitename": meta.sitename,
            "language": meta.language, "updated": meta.updated, "source": meta.source,
        ]
        for (field, accepted) in expect["metadata"] as? [String: [String]] ?? [:] {
            let got = fold((values[field] ?? nil) ?? "")
            if !accepted.map(fold).contains(got) { problems.append("metadata \(field): got '\(got)', want \(accepted)") }
        }
        let body = document.text
        for pattern in expect["body_must_contain"] as? [String] ?? [] where !found(pattern, body) {
            problems.append("body lacks: \(pattern)")
        }
        for pattern in expect["body_must_not_contain"] as? [String] ?? [] where found(pattern, body) {
            problems.append("body keeps: \(pattern)")
        }
        if let minimum = expect["paragraphs_min"] as? Int, document.paragraphs.count < minimum {
            problems.append("\(document.paragraphs.count) paragraphs, want at least \(minimum)")
        }
        return problems
    }

    static func found(_ pattern: String, _ body: String) -> Bool {
        if pattern.hasPrefix("re:") {
            guard let regex = try? NSRegularExpression(pattern: String(pattern.dropFirst(3)), options: [.anchorsMatchLines])
            else { return false }
            return regex.firstMatch(in: body, range: NSRange(body.startIndex..., in: body)) != nil
        }
        return fold(body).contains(fold(pattern))
    }
}

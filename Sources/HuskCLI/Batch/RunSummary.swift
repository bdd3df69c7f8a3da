import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import Husk
import HuskIO
import Synchronization

/// Counts for a whole run, shared by the worker threads: what was cleaned, skipped and failed.
final class RunSummary: Sendable {
    struct State {
        var documents = 0
        var files = 0
        var resumed = 0
        var failedCount = 0
        var failures: [IOError] = []
        var skippedCount = 0
        var bytesIn = 0
        var bytesOut = 0
        var statistics = CleaningStatistics()
        var recordsSkipped: [String: Int] = [:]
        var interruptedBy: Int32? = nil
    }

    private let state = Mutex(State())
    let started = Date()
    /// Failures kept for the report; the count goes on past it.
    static let failureListLimit = 1000

    func update(_ body: (inout State) -> Void) {
        state.withLock { body(&$0) }
    }

    var snapshot: State { state.withLock { $0 } }

    func addFailure(_ error: IOError) {
        state.withLock {
            $0.failedCount += 1
            if $0.failures.count < Self.failureListLimit { $0.failures.append(error) }
        }
    }

    var elapsed: Double { Date().timeIntervalSince(started) }

    /// Two or three lines for stderr.
    func render() -> String {
        let s = snapshot
        let seconds = elapsed
        let rate = Double(s.bytesIn) / 1e6 / max(seconds, 1e-9)
        var line = "husk: \(s.documents) documents"
        if s.files > 0 { line += " from \(s.files) files" }
        line += " in " + decimal(seconds, places: 1) + " s (" + Self.megabytes(s.bytesIn) + " in, " + Self.megabytes(s.bytesOut) + " out, "
            + decimal(rate, places: 1) + " MB/s)"
        var notes: [String] = []
        if s.resumed > 0 { notes.append("\(s.resumed) already done") }
        if s.skippedCount > 0 { notes.append("\(s.skippedCount) skipped") }
        if s.failedCount > 0 { notes.append("\(s.failedCount) failed") }
        let others = s.recordsSkipped.values.reduce(0, +)
        if others > 0 { notes.append("\(others) non-document records passed over") }
        if !notes.isEmpty { line += "; " + notes.joined(separator: ", ") }
        var out = line + "\n"
        let total = s.statistics.charactersKept + s.statistics.charactersDropped
        if total > 0 {
            let top = s.statistics.droppedByCategory.sorted { $0.value > $1.value }.prefix(8)
            let parts = top.map { $0.key + " " + decimal(100 * Double($0.value) / Double(total), places: 1) + "%" }
            out += "husk: dropped " + decimal(100 * Double(s.statistics.charactersDropped) / Double(total), places: 1) + "% of text: "
                + parts.joined(separator: ", ") + "\n"
        }
        return out
    }

    static func megabytes(_ bytes: Int) -> String {
        decimal(Double(bytes) / 1e6, places: 1) + " MB"
    }

    /// The `--stats` JSON document.
    func json() -> String {
        let s = snapshot
        let seconds = elapsed
        let total = max(s.statistics.charactersKept + s.statistics.charactersDropped, 1)
        func shares(_ map: [String: Int]) -> String {
            "{" + map.sorted { $0.value > $1.value }.map {
                JSONWriter.string($0.key) + ":{\"characters\":\($0.value),\"share\":" + decimal(Double($0.value) / Double(total), places: 5) + "}"
            }.joined(separator: ",") + "}"
        }
        func counts(_ map: [String: Int]) -> String {
            "{" + map.sorted { $0.key < $1.key }.map { JSONWriter.string($0.key) + ":\($0.value)" }.joined(separator: ",") + "}"
        }
        let failures = s.failures.map {
            "{\"path\":\(JSONWriter.string($0.path)),\"position\":\($0.position.map(JSONWriter.string) ?? "null"),\"reason\":\(JSONWriter.string($0.message))}"
        }
        var fields: [String] = [
            "\"documents\":\(s.documents)", "\"files\":\(s.files)", "\"resumed\":\(s.resumed)",
            "\"skipped\":\(s.skippedCount)", "\"failed\":\(s.failedCount)",
            "\"bytes_in\":\(s.bytesIn)", "\"bytes_out\":\(s.bytesOut)",
            "\"seconds\":" + decimal(seconds, places: 3),
            "\"mb_per_s\":" + decimal(Double(s.bytesIn) / 1e6 / max(seconds, 1e-9), places: 3),
            "\"blocks\":\(s.statistics.blocks)", "\"blocks_kept\":\(s.statistics.blocksKept)",
            "\"invalid_utf8\":\(s.statistics.invalidSequences)",
            "\"characters_kept\":\(s.statistics.charactersKept)",
            "\"characters_dropped\":\(s.statistics.charactersDropped)",
            "\"dropped_by_category\":" + shares(s.statistics.droppedByCategory),
            "\"dropped_by_rule\":" + shares(s.statistics.droppedByRule),
            "\"records_skipped_by_type\":" + counts(s.recordsSkipped),
            "\"rules_stopped\":[" + s.statistics.rulesStopped.map(JSONWriter.string).joined(separator: ",") + "]",
            "\"failures\":[" + failures.joined(separator: ",") + "]",
        ]
        fields.append("\"interrupted\":" + (s.interruptedBy == nil ? "false" : "true"))
        return "{" + fields.joined(separator: ",") + "}\n"
    }
}

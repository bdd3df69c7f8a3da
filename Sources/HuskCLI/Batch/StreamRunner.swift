import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import Husk
import HuskIO

/// JSONL and WARC streams: many documents in, one JSON line each out, in input order.
///
/// Units are read in batches bounded by count and bytes, cleaned on `jobs` threads, and written
/// in order, so memory stays flat however long the stream is and the output never depends on
/// timing.
struct StreamRunner {
    let processor: DocumentProcessor
    let kind: InputKind
    let jobs: Int
    let summary: RunSummary
    /// Learn lines that repeat across a site's documents (off with `--no-learn`).
    let learns: Bool

    /// A JSONL line longer than this is reported and skipped instead of held in memory.
    static let lineLimit = 64 << 20
    /// Batches are the unit of learning: documents of a batch see what earlier batches taught.
    /// Their size does not depend on `jobs`, so neither does the output.
    var batchBytes: Int { 8 << 20 }
    /// Batches grow from 16 documents to 256, so short streams learn early.
    static let batchCount = 256
    static let firstBatchCount = 16

    /// One document's raw form and where it came from.
    enum Unit {
        case line([UInt8], number: Int)
        case record(WARCRecord)
        case failure(IOError)

        var size: Int {
            switch self {
            case .line(let bytes, _): return bytes.count + 1
            case .record(let r): return r.content.count
            case .failure: return 0
            }
        }
    }

    /// Cleans every input path into `write`; returns false if interrupted.
    func run(paths: [String], write: ([UInt8]) throws(IOError) -> Void) throws(IOError) -> Bool {
        var memory: RepeatedLines? = learns ? RepeatedLines() : nil
        for path in paths {
            let source: ByteSource
            do {
                source = try InputOpener.open(path)
            } catch {
                summary.addFailure(error)
                continue
            }
            summary.update { $0.files += 1 }
            let units = UnitReader(kind: kind, source: source, path: path)
            var rawBefore = 0
            var batchCount = Self.firstBatchCount
            while true {
                if Interruption.requested != nil { return false }
                var batch: [Unit] = []
                var bytes = 0
                defer { batchCount = min(Self.batchCount, batchCount * 2) }
                while batch.count < batchCount && bytes < batchBytes, let unit = units.next() {
                    bytes += unit.size
                    batch.append(unit)
                }
                if batch.isEmpty { break }
                let outcomes = process(batch, path: path, memory: memory)
                for outcome in outcomes {
                    try summary.record(outcome, write: write)
                    if case .cleaned(_, _, let site, let fingerprints) = outcome {
                        memory?.observe(site: site, fingerprints: fingerprints)
                    }
                }
                let raw = source.rawBytesRead
                summary.update { $0.bytesIn += raw - rawBefore }
                rawBefore = raw
            }
            for warning in units.warnings { Messages.warning(warning.description) }
        }
        return true
    }

    private func process(_ batch: [Unit], path: String, memory: RepeatedLines?) -> [DocumentProcessor.Outcome] {
        var outcomes = [DocumentProcessor.Outcome](repeating: .passedOver(""), count: batch.count)
        outcomes.withUnsafeMutableBufferPointer { results in
            parallelFor(batch.count, jobs: jobs) { i in
                results[i] = processor.clean(batch[i], path: path, memory: memory)
            }
        }
        return outcomes
    }

}

extension DocumentProcessor {
    /// One unit of a stream, whatever its kind.
    func clean(_ unit: StreamRunner.Unit, path: String, memory: RepeatedLines?) -> Outcome {
        switch unit {
        case .line(let bytes, let number): return cleanJSONLine(bytes, path: path, lineNumber: number, memory: memory)
        case .record(let record): return cleanWARCRecord(record, path: path, memory: memory)
        case .failure(let error): return .failed(error)
        }
    }
}

extension RunSummary {
    /// Writes a cleaned unit and counts it, or reports why there is nothing to write.
    func record(_ outcome: DocumentProcessor.Outcome, write: ([UInt8]) throws(IOError) -> Void) throws(IOError) {
        switch outcome {
        case .cleaned(let output, let statistics, _, _):
            StoppedRules.report(statistics.rulesStopped)
            try write(output)
            update {
                $0.documents += 1
                $0.bytesOut += output.count
                $0.statistics.merge(statistics)
            }
        case .failed(let error):
            Messages.error(error.description)
            addFailure(error)
        case .passedOver(let type):
            update { $0.recordsSkipped[type, default: 0] += 1 }
        }
    }
}

/// Pulls units (JSON lines or WARC records) from one source.
final class UnitReader {
    private let kind: InputKind
    private let path: String
    private let lines: BufferedReader?
    private let warc: WARCReader?
    private var lineNumber = 0
    private var done = false
    private(set) var warnings: [IOError] = []

    init(kind: InputKind, source: ByteSource, path: String) {
        self.kind = kind
        self.path = path
        lines = kind == .warc ? nil : BufferedReader(source)
        warc = kind == .warc ? WARCReader(source, path: path) : nil
    }

    func next() -> StreamRunner.Unit? {
        guard !done else { return nil }
        if let warc {
            do {
                guard let record = try warc.next() else {
                    done = true
                    warnings = warc.warnings
                    return nil
                }
                return .record(record)
            } catch {
                done = true
                warnings = warc.warnings
                return .failure(error)
            }
        }
        guard let lines else { return nil }
        while true {
            do {
                guard let line = try lines.readLine(limit: StreamRunner.lineLimit) else {
                    done = true
                    return nil
                }
                lineNumber += 1
                if lines.lastLineTruncated {
                    return .failure(IOError(path: path, position: "line \(lineNumber)", message: "line longer than \(StreamRunner.lineLimit) bytes; skipped"))
                }
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                return .line(line, number: lineNumber)
            } catch {
                done = true
                return .failure(error)
            }
        }
    }
}

import Foundation
import Husk
import HuskIO
import Synchronization

/// `--output-dir`: every file under the inputs cleaned into a mirrored tree, on `jobs` threads.
///
/// Each output is written under a temporary name and renamed when complete, so an output that
/// exists is whole; `--resume` skips those. The walk is lazy, so memory does not grow with the
/// number of files.
struct TreeRunner {
    let processor: DocumentProcessor
    let kind: InputKind
    let jobs: Int
    let summary: RunSummary
    let outputDir: String
    let resume: Bool
    let include: [String]
    let exclude: [String]

    var outputExtension: String { kind.isStream ? "jsonl" : processor.format.fileExtension }

    func makeWalker(_ roots: [String]) -> FileWalker {
        FileWalker(roots: roots, outputExtension: outputExtension, include: include, exclude: exclude, avoid: [outputDir])
    }

    /// Cleans everything; returns false if interrupted.
    func run(roots: [String]) -> Bool {
        let walker = Mutex(makeWalker(roots))
        let stopped = Atomic<Bool>(false)
        onThreads(jobs) {
            while Interruption.requested == nil {
                guard let item = walker.withLock({ $0.next() }) else { return }
                switch item {
                case .skipped(let problem):
                    if problem.isSkippable {
                        Messages.warning(problem.description)
                        summary.update { $0.skippedCount += 1 }
                    } else {
                        Messages.error(problem.description)
                        summary.addFailure(problem)
                    }
                case .file(let path, let output, let size, let collided):
                    let target = outputDir + "/" + output
                    if collided {
                        Messages.warning("\(path): a sibling already takes its short output name; writing \(target)")
                    }
                    if resume && access(target, F_OK) == 0 {
                        summary.update { $0.resumed += 1 }
                        continue
                    }
                    if !cleanFile(path, size: size, into: target) { stopped.store(true, ordering: .relaxed) }
                }
            }
        }
        return Interruption.requested == nil && !stopped.load(ordering: .relaxed)
    }

    /// One input file to one output file; false when interrupted half-way (nothing written).
    private func cleanFile(_ path: String, size: Int, into target: String) -> Bool {
        let file: AtomicFile
        var rawBytes = 0
        do {
            let source = try InputOpener.open(path)
            defer { rawBytes = source.rawBytesRead }
            file = try AtomicFile(path: target)
            if kind.isStream {
                guard try cleanStream(source, path: path, into: file) else {
                    file.discard()
                    return false
                }
            } else {
                let (output, statistics) = try processor.cleanText(source, path: path)
                StoppedRules.report(statistics.rulesStopped)
                try file.write(output)
                summary.update {
                    $0.documents += 1
                    $0.statistics.merge(statistics)
                }
            }
            try file.commit()
        } catch {
            if error.isSkippable {
                Messages.warning(error.description + "; skipped")
                summary.update { $0.skippedCount += 1 }
            } else {
                Messages.error(error.description)
                summary.addFailure(error)
            }
            return true
        }
        summary.update {
            $0.files += 1
            $0.bytesIn += max(rawBytes, size)
            $0.bytesOut += file.bytesWritten
        }
        return true
    }

    /// The records of one JSONL or WARC file, in order, one after another on this thread.
    private func cleanStream(_ source: ByteSource, path: String, into file: AtomicFile) throws(IOError) -> Bool {
        let units = UnitReader(kind: kind, source: source, path: path)
        while let unit = units.next() {
            if Interruption.requested != nil { return false }
            let outcome: DocumentProcessor.Outcome
            switch unit {
            case .line(let bytes, let number): outcome = processor.cleanJSONLine(bytes, path: path, lineNumber: number)
            case .record(let record): outcome = processor.cleanWARCRecord(record, path: path)
            case .failure(let error): outcome = .failed(error)
            }
            switch outcome {
            case .cleaned(let output, let statistics):
                StoppedRules.report(statistics.rulesStopped)
                try file.write(output)
                summary.update {
                    $0.documents += 1
                    $0.statistics.merge(statistics)
                }
            case .failed(let error):
                Messages.error(error.description)
                summary.addFailure(error)
            case .passedOver(let type):
                summary.update { $0.recordsSkipped[type, default: 0] += 1 }
            }
        }
        for warning in units.warnings { Messages.warning(warning.description) }
        return true
    }
}

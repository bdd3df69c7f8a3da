import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import Husk
import HuskIO

/// `--output-dir`: every file under the inputs cleaned into a mirrored tree, on `jobs` threads.
///
/// Each output is written under a temporary name and renamed when complete, so an output that
/// exists is whole; `--resume` skips those. The walk is lazy and files go in batches, so memory
/// does not grow with the number of files. Batches are also the unit of learning repeated
/// lines: a batch is cleaned against what earlier batches taught, then observed in walk order,
/// so the output does not depend on `jobs` or timing.
struct TreeRunner {
    let processor: DocumentProcessor
    let kind: InputKind
    let jobs: Int
    let summary: RunSummary
    let outputDir: String
    let resume: Bool
    let include: [String]
    let exclude: [String]
    /// Learn lines that repeat across a folder's files (off with `--no-learn`).
    let learns: Bool

    /// Batches grow from 8 files to 128, so small trees learn early and large ones run in
    /// big parallel batches; sizes never depend on `jobs`.
    static let batchFiles = 128
    static let firstBatchFiles = 8

    var outputExtension: String { kind.isStream ? "jsonl" : processor.format.fileExtension }

    func makeWalker(_ roots: [String]) -> FileWalker {
        FileWalker(roots: roots, outputExtension: outputExtension, include: include, exclude: exclude, avoid: [outputDir])
    }

    /// One file of a batch, and whether only its lines are wanted (its output exists).
    private struct Job {
        var path: String
        var target: String
        var size: Int
        var learnOnly: Bool
    }

    /// What cleaning one file gave back to the batch.
    private struct Done {
        var interrupted = false
        var site = ""
        var fingerprints: [UInt64]? = nil
    }

    /// Cleans everything; returns false if interrupted.
    func run(roots: [String]) -> Bool {
        let walker = makeWalker(roots)
        var memory: RepeatedLines? = learns && !kind.isStream ? RepeatedLines() : nil
        var batchSize = Self.firstBatchFiles
        while Interruption.requested == nil {
            var batch: [Job] = []
            defer { batchSize = min(Self.batchFiles, batchSize * 2) }
            while batch.count < batchSize, let item = walker.next() {
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
                    let done = resume && access(target, F_OK) == 0
                    if done { summary.update { $0.resumed += 1 } }
                    // A finished file is read again only to relearn its lines, never rewritten.
                    if !done || memory != nil { batch.append(Job(path: path, target: target, size: size, learnOnly: done)) }
                }
            }
            if batch.isEmpty { break }
            var results = [Done](repeating: Done(), count: batch.count)
            let snapshot = memory
            results.withUnsafeMutableBufferPointer { slots in
                parallelFor(batch.count, jobs: jobs) { i in slots[i] = cleanFile(batch[i], memory: snapshot) }
            }
            for done in results {
                if done.interrupted { return false }
                if let fingerprints = done.fingerprints { memory?.observe(site: done.site, fingerprints: fingerprints) }
            }
        }
        return Interruption.requested == nil
    }

    /// One input file to one output file.
    private func cleanFile(_ job: Job, memory: RepeatedLines?) -> Done {
        let path = job.path
        let site = FileWalker.parentDirectory(of: path)
        var rawBytes = 0
        var done = Done(site: site)
        do {
            let source = try InputOpener.open(path)
            defer { rawBytes = source.rawBytesRead }
            if job.learnOnly {
                let (_, document) = try processor.cleanText(source, path: path, context: DocumentContext(site: site, repeatedLines: memory))
                done.fingerprints = document.fingerprints
                return done
            }
            let file = try AtomicFile(path: job.target)
            if kind.isStream {
                guard try cleanStream(source, path: path, into: file) else {
                    file.discard()
                    done.interrupted = true
                    return done
                }
            } else {
                let (output, document) = try processor.cleanText(source, path: path, context: DocumentContext(site: site, repeatedLines: memory))
                StoppedRules.report(document.statistics.rulesStopped)
                try file.write(output)
                done.fingerprints = document.fingerprints
                summary.update {
                    $0.documents += 1
                    $0.statistics.merge(document.statistics)
                }
            }
            try file.commit()
            summary.update {
                $0.files += 1
                $0.bytesIn += max(rawBytes, job.size)
                // Stream files counted their output record by record.
                if !kind.isStream { $0.bytesOut += file.bytesWritten }
            }
        } catch {
            if job.learnOnly { return done }
            if error.isSkippable {
                Messages.warning(error.description + "; skipped")
                summary.update { $0.skippedCount += 1 }
            } else {
                Messages.error(error.description)
                summary.addFailure(error)
            }
        }
        return done
    }

    /// The records of one JSONL or WARC file, in order, one after another on this thread, with
    /// repeated lines learned within the file.
    private func cleanStream(_ source: ByteSource, path: String, into file: AtomicFile) throws(IOError) -> Bool {
        let units = UnitReader(kind: kind, source: source, path: path)
        var memory: RepeatedLines? = learns ? RepeatedLines() : nil
        while let unit = units.next() {
            if Interruption.requested != nil { return false }
            let outcome = processor.clean(unit, path: path, memory: memory)
            try summary.record(outcome) { bytes throws(IOError) in try file.write(bytes) }
            if case .cleaned(_, _, let site, let fingerprints) = outcome {
                memory?.observe(site: site, fingerprints: fingerprints)
            }
        }
        for warning in units.warnings { Messages.warning(warning.description) }
        return true
    }
}

import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import Husk
import HuskIO

/// Many documents: a tree into `--output-dir`, or JSONL/WARC streams into one output.
extension HuskCommand {
    func runBatch(_ cleaner: Cleaner) throws {
        Interruption.install()
        let summary = RunSummary()
        let processor = DocumentProcessor(cleaner: cleaner, format: cleaning.format, textKey: batch.textKey)
        let jobs = batch.jobs
        var progress: ProgressDisplay? = nil
        if batch.showsProgress {
            let display = ProgressDisplay(summary: summary, unit: batch.input.isStream ? "records" : "files")
            display.start()
            progress = display
        }
        let completed: Bool
        if let outputDir = batch.outputDir {
            do {
                try AtomicFile.makeDirectories(outputDir)
            } catch {
                progress?.stop()
                Messages.error(error.description)
                throw ExitCode(Messages.inputFailed)
            }
            let runner = TreeRunner(
                processor: processor, kind: batch.input, jobs: jobs, summary: summary, outputDir: outputDir,
                resume: batch.resume, include: batch.glob, exclude: batch.exclude, learns: !batch.noLearn)
            if let progress { Self.measureTree(runner.makeWalker(files), into: progress) }
            completed = runner.run(roots: files)
        } else {
            let paths = files.isEmpty ? ["-"] : files
            progress?.setTotal(paths.reduce(0) { $0 + Self.fileSize($1) })
            let out: OutputSink
            do {
                out = try OutputSink(path: batch.output)
            } catch {
                progress?.stop()
                Messages.error(error.description)
                throw ExitCode(Messages.inputFailed)
            }
            let runner = StreamRunner(processor: processor, kind: batch.input, jobs: jobs, summary: summary, learns: !batch.noLearn)
            do {
                completed = try runner.run(paths: paths) { bytes throws(IOError) in try out.write(bytes: bytes) }
                if completed { try out.finish() } else { out.abandon() }
            } catch {
                out.abandon()
                progress?.stop()
                Messages.error(error.description)
                summary.addFailure(error)
                finish(summary)
                throw ExitCode(Messages.inputFailed)
            }
        }
        progress?.stop()
        if !completed, let signal = Interruption.requested {
            summary.update { $0.interruptedBy = signal }
            finish(summary)
            let s = summary.snapshot
            var how = "interrupted after \(s.documents) documents"
            if batch.outputDir != nil {
                how += " (\(s.files) files written); run again with --resume to finish"
            } else if batch.output != nil {
                how += "; \(batch.output ?? "") was not written"
            }
            Messages.write("husk: " + how + "\n")
            throw ExitCode(Interruption.exitStatus(signal))
        }
        finish(summary)
        if summary.snapshot.failedCount > 0 { throw ExitCode(Messages.inputFailed) }
    }

    /// The summary on stderr (unless quiet) and the `--stats` file.
    private func finish(_ summary: RunSummary) {
        if !batch.quiet { Messages.write(summary.render()) }
        guard let path = batch.stats else { return }
        do {
            let file = try AtomicFile(path: path)
            try file.write(summary.json())
            try file.commit()
        } catch {
            Messages.error(error.description)
        }
    }

    /// Totals the tree's size on a background thread, so the ETA appears without delaying work.
    private static func measureTree(_ walker: FileWalker, into progress: ProgressDisplay) {
        nonisolated(unsafe) let walker = walker
        detachThread {
            var total = 0
            while let item = walker.next() {
                if case .file(_, _, let size, _) = item { total += size }
            }
            progress.setTotal(total)
        }
    }

    private static func fileSize(_ path: String) -> Int {
        var info = stat()
        guard path != "-", stat(path, &info) == 0 else { return 0 }
        return Int(info.st_size)
    }
}

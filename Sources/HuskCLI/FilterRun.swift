import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import Husk
import HuskIO

/// Cleaning files (or standard input) to one output: the root command's work outside batch mode.
///
/// Plain values rather than the parsed command, so that `husk` with no arguments (the filter,
/// `husk < page.txt`) runs without the argument parser: parsing an empty command line costs
/// about 2 ms of reflection over every option, paid by each run of a shell loop.
struct FilterRun {
    var format: OutputFormat
    var explain: Bool
    var showFeatures: Bool
    /// Whether several inputs learn the lines their folder's pages repeat (`--no-learn` off).
    var learnsRepeats: Bool
    /// `--output`: nil or "-" for standard output.
    var outputPath: String?
    /// Inputs in order; standard input when empty.
    var files: [String]

    /// What an empty command line means: standard input to standard output as text.
    static let withoutArguments = FilterRun(
        format: .text, explain: false, showFeatures: false, learnsRepeats: true, outputPath: nil, files: [])

    func run(_ cleaner: Cleaner) throws {
        let out: OutputSink
        do {
            out = try OutputSink(path: outputPath)
        } catch {
            Messages.error(error.description)
            throw ExitCode(Messages.inputFailed)
        }
        var failed = false
        let inputs = files.isEmpty ? ["-"] : files
        // Several files learn the lines their folder's pages repeat, in the order given.
        var memory: RepeatedLines? = inputs.count > 1 && learnsRepeats ? RepeatedLines() : nil
        for path in inputs {
            do {
                try cleanOne(path, cleaner: cleaner, out: out, memory: &memory)
            } catch {
                Messages.error(error.description)
                failed = true
            }
        }
        do {
            try out.finish()
        } catch {
            Messages.error(error.description)
            throw ExitCode(Messages.inputFailed)
        }
        if failed { throw ExitCode(Messages.inputFailed) }
    }

    /// One document, streamed: paragraphs are written as soon as they are decided.
    private func cleanOne(_ path: String, cleaner: Cleaner, out: OutputSink, memory: inout RepeatedLines?) throws(IOError) {
        let source = try InputOpener.open(path)
        let stream: CleaningStream
        let site = FileWalker.parentDirectory(of: path)
        do {
            // With no memory to feed, the document's fingerprints would go unread.
            stream = try cleaner.makeStream(
                context: DocumentContext(site: site, repeatedLines: memory, collectsFingerprints: memory != nil))
        } catch {
            throw IOError(path: path, message: error.description)
        }
        let streaming = !explain && format != .json
        let writer = format.writer
        var headerWritten = false
        var first = true
        let document = try DocumentProcessor.drain(source, into: stream, path: path) { () throws(IOError) in
            guard streaming, let metadata = stream.metadata else { return }
            if !headerWritten {
                try out.write(writer.header(metadata))
                headerWritten = true
            }
            for p in stream.takeParagraphs() {
                try out.write(writer.paragraph(p, first: first))
                first = false
            }
        }
        StoppedRules.report(document.statistics.rulesStopped)
        memory?.observe(site: site, fingerprints: document.fingerprints)
        if explain {
            try out.write(ExplainWriter(showFeatures: showFeatures).render(document))
        } else if streaming {
            if !headerWritten { try out.write(writer.header(document.metadata)) }
            for p in document.paragraphs {
                try out.write(writer.paragraph(p, first: first))
                first = false
            }
            try out.write(writer.footer())
        } else {
            try out.write(writer.render(document))
        }
    }
}

import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Options for many documents: trees, JSONL and WARC streams, parallelism, progress, resume.
struct BatchOptions: ParsableArguments {
    @Option(name: .long, help: "What the inputs hold: text (one document per file), jsonl or warc.")
    var input: InputKind = .text

    @Option(name: .long, help: ArgumentHelp("JSONL field that holds the text.", valueName: "KEY"))
    var textKey = "text"

    @Option(name: .long, help: ArgumentHelp("Clean every file under the inputs into DIR, mirroring their paths.", valueName: "DIR"))
    var outputDir: String?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to FILE (complete or not at all) instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(name: [.customShort("j"), .customLong("jobs")], help: ArgumentHelp("Documents cleaned at once (default: all cores).", valueName: "N"))
    var jobsCount: Int?

    /// `--jobs`, or every core.
    var jobs: Int { jobsCount ?? ProcessInfo.processInfo.activeProcessorCount }

    @Option(name: .long, help: ArgumentHelp("With --output-dir, clean only files matching PATTERN (repeatable).", valueName: "PATTERN"))
    var glob: [String] = []

    @Option(name: .long, help: ArgumentHelp("With --output-dir, skip files and folders matching PATTERN (repeatable).", valueName: "PATTERN"))
    var exclude: [String] = []

    @Flag(name: .long, help: "With --output-dir, skip inputs whose output already exists.")
    var resume = false

    @Flag(name: .long, help: "Do not learn lines that repeat across a site's pages (batches and several files learn by default).")
    var noLearn = false

    @Flag(name: .long, help: "Show progress on stderr even when it is not a terminal.")
    var progress = false

    @Flag(name: [.customShort("q"), .long], help: "No progress and no summary on stderr (errors still appear).")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Write run statistics to FILE as JSON.", valueName: "FILE"))
    var stats: String?

    func validate() throws {
        if let jobsCount, jobsCount < 1 { throw ValidationError("--jobs must be at least 1") }
        if outputDir != nil && output != nil { throw ValidationError("use either --output-dir or --output, not both") }
        if resume && outputDir == nil { throw ValidationError("--resume needs --output-dir") }
        if progress && quiet { throw ValidationError("--progress and --quiet contradict each other") }
        if textKey.isEmpty { throw ValidationError("--text-key must not be empty") }
    }

    /// Progress shows on a terminal unless quiet, or anywhere when forced.
    var showsProgress: Bool { progress || (!quiet && isatty(2) != 0) }

    /// Batch-style runs (trees, streams) print a summary unless quiet.
    var isBatch: Bool { outputDir != nil || input.isStream }
}

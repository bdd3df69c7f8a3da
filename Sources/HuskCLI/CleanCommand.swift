import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import Husk
import HuskIO

extension OutputFormat: ExpressibleByArgument {}
extension CleanerOptions.Favor: ExpressibleByArgument {}

/// Options every cleaning command shares.
struct CleaningOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text, json or markdown.")
    var format: OutputFormat = .text

    @Option(name: .long, help: ArgumentHelp("Add rules from FILE (repeatable).", valueName: "FILE"))
    var rules: [String] = []

    @Flag(name: .long, help: "Do not use the built-in rules (only those given with --rules).")
    var noDefaultRules = false

    @Option(name: .long, help: "Lean towards precision, balanced or recall when unsure.")
    var favor: CleanerOptions.Favor = .balanced

    @Option(name: .long, help: ArgumentHelp("Force the body language (ISO 639-1, e.g. de).", valueName: "CODE"))
    var language: String?

    @Flag(name: .long, help: "Normalize to NFKC instead of NFC (folds full-width forms; see README).")
    var nfkc = false

    @Option(name: .long, help: ArgumentHelp("When the pages were fetched (YYYY-MM-DD or ISO 8601), for dates like '3 hours ago'. JSONL and WARC records' own dates win.", valueName: "DATE"))
    var referenceDate: String?

    func validate() throws {
        if let referenceDate, !Self.isISODate(referenceDate) {
            throw ValidationError("--reference-date must look like 2024-03-12 or 2024-03-12T10:00:00Z")
        }
    }

    /// `YYYY-MM-DD`, optionally followed by a time.
    static func isISODate(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 10, b[4] == 0x2D, b[7] == 0x2D else { return false }
        return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { b[$0] >= 0x30 && b[$0] <= 0x39 }
    }

    @Option(name: .long, help: ArgumentHelp("Use classifier parameters from FILE (a .gbt file from tools/train).", valueName: "FILE"))
    var model: String?

    /// Builds the library options, reading rules files; a rules problem exits 2 before any input is read.
    func cleanerOptions(explain: Bool) throws -> CleanerOptions {
        var options = CleanerOptions()
        options.favor = favor
        options.language = language
        options.normalization = nfkc ? .nfkc : .nfc
        options.referenceDate = referenceDate
        options.useDefaultRules = !noDefaultRules
        options.explain = explain
        if let model {
            guard let data = FileManager.default.contents(atPath: model) else {
                Messages.error("\(model): cannot read model file")
                throw ExitCode(Messages.usage)
            }
            options.modelText = String(decoding: data, as: UTF8.self)
        }
        for path in rules {
            guard let data = FileManager.default.contents(atPath: path) else {
                Messages.error("\(path): cannot read rules file")
                throw ExitCode(Messages.usage)
            }
            options.extraRules.append((path, String(decoding: data, as: UTF8.self)))
        }
        return options
    }

    func makeCleaner(explain: Bool) throws -> Cleaner {
        try Self.makeCleaner(options: try cleanerOptions(explain: explain))
    }

    /// A cleaner with `options`; an invalid rules file is reported line by line and exits 2.
    static func makeCleaner(options: CleanerOptions) throws -> Cleaner {
        do {
            let cleaner = try Cleaner(options: options)
            ProcessLifetime.keep(cleaner)
            return cleaner
        } catch {
            if case .invalidRules(let diagnostics) = error {
                for d in diagnostics { Messages.write(d.description + "\n") }
            } else {
                Messages.error(error.description)
            }
            throw ExitCode(Messages.usage)
        }
    }
}

/// Cleaning files (or standard input) to standard output: the root command's work.
extension HuskCommand {
    func run() throws {
        let cleaner = try cleaning.makeCleaner(explain: explain)
        if batch.isBatch {
            try runBatch(cleaner)
            return
        }
        try FilterRun(
            format: cleaning.format, explain: explain, showFeatures: features, learnsRepeats: !batch.noLearn,
            outputPath: batch.output, files: files
        ).run(cleaner)
    }
}

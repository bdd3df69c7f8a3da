import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import Husk

/// `husk`: strip boilerplate from web text.
@main
struct HuskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "husk",
        abstract: "Strip boilerplate from raw web text and keep the article, with its metadata.",
        discussion: """
            Reads text scraped from web pages (html2text-style markdown, browser copies, plain-text \
            dumps) and writes the article alone: clean paragraphs under Key: value headers (title, \
            author, date, site, language). Drops menus, share and subscribe prompts, captions, cookie \
            banners, related links, comments and legal footers, and explains every line it drops.

            EXAMPLES:
              husk < page.txt > clean.txt
              husk --format json page.txt
              husk --output-dir clean/ --jobs 8 --resume pages/
              husk --input jsonl < docs.jsonl > cleaned.jsonl
              husk --input warc CC-MAIN-*.warc.wet.gz -o cleaned.jsonl
              husk --explain page.txt | less
              husk --rules my.rules --favor precision pages/*.txt
              husk rules check my.rules

            EXIT STATUS:
              0  every input was cleaned
              1  some input failed (unreadable, binary, bad JSON line); the others were still cleaned
              2  usage error or invalid rules file; no input was read
              130, 143  stopped by Ctrl-C (SIGINT) or SIGTERM after finishing the documents in hand
            """,
        version: huskVersion,
        subcommands: [RulesCommand.self, FeaturesCommand.self]
    )

    @OptionGroup var cleaning: CleaningOptions

    @OptionGroup(title: "Batch and streams") var batch: BatchOptions

    @Flag(name: .long, help: "Show every block with KEEP or DROP and the reason, instead of the article.")
    var explain = false

    @Flag(name: .long, help: "With --explain, also list every feature value.")
    var features = false

    @Argument(help: ArgumentHelp("Files to clean (folders too, with --output-dir); standard input when none or '-'.", valueName: "PATH"))
    var files: [String] = []

    func validate() throws {
        if explain && batch.isBatch {
            throw ValidationError("--explain shows one document at a time; it does not combine with --output-dir or --input jsonl/warc")
        }
        if batch.outputDir != nil && (files.isEmpty || files.contains("-")) {
            throw ValidationError("--output-dir needs input files or folders (not standard input)")
        }
    }


    static func main() {
        signal(SIGPIPE, SIG_IGN)
        // A file-size limit (ulimit -f) then fails the write with EFBIG, reported like a full disk.
        signal(SIGXFSZ, SIG_IGN)
        tuneAllocator()
        do {
            // A file named like a subcommand must be given as ./rules; the root takes files too,
            // so subcommands are dispatched here before the root parses its arguments.
            let arguments = Array(CommandLine.arguments.dropFirst())
            // The plain filter (`husk < page.txt`) needs no parsing: every option has its default.
            if arguments.isEmpty {
                try FilterRun.withoutArguments.run(try CleaningOptions.makeCleaner(options: CleanerOptions()))
                return
            }
            var command: any ParsableCommand
            switch arguments.first {
            case "rules": command = try RulesCommand.parseAsRoot(Array(arguments.dropFirst()))
            case "features": command = try FeaturesCommand.parseAsRoot(Array(arguments.dropFirst()))
            default: command = try parseAsRoot(arguments)
            }
            try command.run()
        } catch let code as ExitCode {
            Glibc.exit(code.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                exit(withError: error)
            }
            Messages.write(fullMessage(for: error) + "\n")
            Glibc.exit(Messages.usage)
        }
    }
}

let huskVersion = "0.1.0"

/// Keeps freed memory in the process instead of handing it back and faulting it in again.
///
/// Cleaning allocates and frees many short-lived arrays per window; with glibc's defaults the
/// larger ones come from fresh `mmap`s and the heap top is trimmed often, and the kernel's page
/// zeroing then cost about 7% of a run. Blocks up to 32 MiB stay on the heap and up to 128 MiB
/// of free heap is kept; peak memory is unchanged (it is bounded by the window, not by this).
///
/// The heap also grows by `heapReserve` at once, and that stretch is offered to the kernel for
/// huge pages (`MADV_HUGEPAGE`; used where transparent huge pages are enabled or in "madvise"
/// mode): a window's arrays then fault in 2 MiB at a time instead of 4 KiB, a third of the
/// page faults on the dev pages. Untouched reserve costs no memory.
private func tuneAllocator() {
    #if os(Linux)
    // M_TRIM_THRESHOLD, M_TOP_PAD and M_MMAP_THRESHOLD in <malloc.h>.
    let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3
    _ = glibcMallopt(mmapThreshold, 32 << 20)
    _ = glibcMallopt(trimThreshold, 128 << 20)
    _ = glibcMallopt(topPad, Int32(heapReserve))
    guard let before = sbrk(0) else { return }
    // An allocation larger than the heap's free top makes glibc extend it by the pad.
    // (Its size is asked for, so the compiler cannot drop the unused allocation.)
    guard let probe = malloc(16 << 20), glibcMallocUsableSize(probe) > 0 else { return }
    free(probe)
    guard let after = sbrk(0), after > before else { return }
    let hugePage = 2 << 20
    let start = (Int(bitPattern: before) + hugePage - 1) & ~(hugePage - 1)
    let end = Int(bitPattern: after) & ~(hugePage - 1)
    if end > start, let from = UnsafeMutableRawPointer(bitPattern: start) {
        _ = madvise(from, end - start, MADV_HUGEPAGE)
    }
    #endif
}

/// How far the heap grows at once (see `tuneAllocator`).
private let heapReserve = 64 << 20

#if os(Linux)
/// glibc's `mallopt`; `<malloc.h>` is not part of Swift's Glibc module.
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32

/// glibc's `malloc_usable_size`, from `<malloc.h>` too.
@_silgen_name("malloc_usable_size")
private func glibcMallocUsableSize(_ pointer: UnsafeMutableRawPointer) -> Int
#endif


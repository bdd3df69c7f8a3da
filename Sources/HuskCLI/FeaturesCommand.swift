import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import Husk
import HuskIO

/// `husk features FILE...`: every block's classifier features as JSON Lines, for training.
struct FeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        _superCommandName: "husk",
        abstract: "Print each block's classifier features as JSON Lines (used by tools/train).")

    @OptionGroup var cleaning: CleaningOptions

    @Argument(help: ArgumentHelp("Files to measure.", valueName: "FILE"))
    var files: [String]

    func run() throws {
        let cleaner = try cleaning.makeCleaner(explain: true)
        let out = StandardOutput()
        let names = Cleaner.featureNames
        out.write("{\"features\":" + "[" + names.map { JSONWriter.string($0) }.joined(separator: ",") + "]}\n")
        var failed = false
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                Messages.error("\(path): cannot read")
                failed = true
                continue
            }
            let doc = FileWalker.lastComponent(path).replacing(".txt", with: "")
            do {
                let document = try data.withUnsafeBytes { raw throws(HuskError) in
                    try cleaner.clean(bytes: raw.bindMemory(to: UInt8.self))
                }
                for (i, block) in document.blocks.enumerated() {
                    let x = names.map { block.features[$0] ?? 0 }.map { String($0) }.joined(separator: ",")
                    out.write("{\"doc\":\(JSONWriter.string(doc)),\"i\":\(i),\"line\":\(block.line),\"text\":\(JSONWriter.string(block.text)),\"decision\":\(JSONWriter.string(block.decision.label)),\"x\":[\(x)]}\n")
                }
            } catch {
                Messages.error("\(path): \(error)")
                failed = true
            }
        }
        out.flush()
        if failed { throw ExitCode(Messages.inputFailed) }
    }
}

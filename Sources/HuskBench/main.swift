import Foundation
import Husk
import ICUKit

/// `husk-bench`: in-process measurements the shell cannot make, for `tools/bench/throughput`.
///
///     husk-bench wordbreak FILE     ICU word break alone over FILE, paragraph by paragraph: MB/s
///     husk-bench documents FILE...  the library cleaning each file (small pages): documents/s
///
/// Prints one line of numbers per command, for the script to tabulate.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("husk-bench: \(message)\n".utf8))
    exit(2)
}

func read(_ path: String) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    return [UInt8](data)
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { fail("usage: husk-bench wordbreak FILE | documents FILE...") }

switch command {
case "wordbreak":
    guard arguments.count == 2 else { fail("usage: husk-bench wordbreak FILE") }
    let bytes = read(arguments[1])
    guard let breaker = try? WordBreaker() else { fail("ICU word break unavailable") }
    var words = 0
    // Paragraph by paragraph, as Husk hands blocks to ICU.
    let time = seconds {
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                var end = start
                while end < all.count && all[end] != 0x0A { end += 1 }
                if end > start {
                    breaker.forEachSegment(in: UnsafeBufferPointer(rebasing: all[start..<end])) { _, kind in
                        if kind != .none { words += 1 }
                    }
                }
                start = end + 1
            }
        }
    }
    print(String(format: "%.4f %d %d", time, bytes.count, words))
case "documents":
    let files = arguments.dropFirst().map(read)
    guard !files.isEmpty else { fail("usage: husk-bench documents FILE...") }
    guard let cleaner = try? Cleaner() else { fail("cannot set up the cleaner") }
    let rounds = max(1, 2000 / files.count)
    var kept = 0
    let time = seconds {
        for _ in 0..<rounds {
            for file in files {
                file.withUnsafeBufferPointer { buffer in
                    if let document = try? cleaner.clean(bytes: buffer) { kept += document.paragraphs.count }
                }
            }
        }
    }
    print(String(format: "%.4f %d %d", time, rounds * files.count, kept))
default:
    fail("unknown command \(command)")
}

import Husk
import HuskFuzzSupport

// libFuzzer target for the cleaning pipeline (`tools/fuzz/run pipeline`).
//
// Each input is cleaned whole and again fed in chunks whose edges are derived from the input
// (1-byte chunks included, so UTF-8 sequences, CRLF pairs and markup get split), taking
// paragraphs between feeds as a streaming caller would. The two results must be equal:
// output may not depend on chunking, so a mismatch traps and is a finding. Each input runs
// under the default options and under options with tiny windows, so window edges, the
// hard window cut and line splitting are reached with fuzzer-sized inputs.
//
// Built by tools/fuzz/run (-DHUSK_FUZZ, AddressSanitizer, libFuzzer coverage), it runs libFuzzer;
// a plain build makes a replayer of files instead (see the end of this file).

/// The cleaners, built once (rules, model and stoplists load at setup, not per input).
private let cleaners: [(name: String, cleaner: Cleaner)] = {
    do {
        return [("default", try Cleaner()), ("small-windows", try Cleaner(options: smallWindows))]
    } catch {
        fatalError("HuskFuzzPipeline: cannot set up the cleaner: \(error)")
    }
}()

/// Windows of a few lines, so fuzzer-sized inputs span several.
private let smallWindows: CleanerOptions = {
    var options = CleanerOptions()
    options.windowBytes = 256
    options.windowHardLimitBytes = 512
    options.windowLines = 4
    options.maxLineBytes = 128
    options.binarySampleBytes = 64
    return options
}()

/// SplitMix64: a tiny deterministic generator, seeded from the input so a finding reproduces.
private struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// FNV-1a of the input.
private func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h
}

/// Chunk edges for `count` bytes: a mix of 1-3 byte, small and large chunks.
private func chunkEnds(count: Int, seed: UInt64) -> [Int] {
    var rng = SplitMix(state: seed)
    var ends: [Int] = []
    var at = 0
    while at < count {
        let r = rng.next()
        let size: Int
        switch r % 4 {
        case 0: size = 1 + Int((r >> 8) % 3)
        case 1: size = 1 + Int((r >> 8) % 64)
        case 2: size = 1 + Int((r >> 8) % 1024)
        default: size = 1 + Int((r >> 8) % UInt64(max(1, count)))
        }
        at = min(count, at + size)
        ends.append(at)
    }
    return ends
}

private func cleanWhole(_ cleaner: Cleaner, _ bytes: UnsafeBufferPointer<UInt8>) -> Result<CleanedDocument, HuskError> {
    do throws(HuskError) {
        return .success(try cleaner.clean(bytes: bytes))
    } catch {
        return .failure(error)
    }
}

private func cleanChunked(_ cleaner: Cleaner, _ bytes: UnsafeBufferPointer<UInt8>, ends: [Int])
    -> Result<CleanedDocument, HuskError>
{
    do throws(HuskError) {
        let stream = try cleaner.makeStream()
        var taken: [Paragraph] = []
        var start = 0
        for end in ends {
            try stream.feed(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            taken += stream.takeParagraphs()
            start = end
        }
        // An empty final feed must be harmless too.
        try stream.feed(UnsafeBufferPointer(rebasing: bytes[start..<start]))
        var document = try stream.finish()
        document.paragraphs = taken + document.paragraphs
        return .success(document)
    } catch {
        return .failure(error)
    }
}

private func describe(_ result: Result<CleanedDocument, HuskError>) -> String {
    switch result {
    case .success(let document):
        return "metadata: \(document.metadata)\nprovenance: \(document.provenance)\n"
            + "statistics: \(document.statistics)\nparagraphs (\(document.paragraphs.count)):\n"
            + document.paragraphs.map { "  [\($0.kind.rawValue) \($0.level)] \($0.text.debugDescription)" }
            .joined(separator: "\n")
    case .failure(let error):
        return "error: \(error)"
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let seed = hash(bytes)
    let ends = chunkEnds(count: size, seed: seed)
    for (name, cleaner) in cleaners {
        let whole = cleanWhole(cleaner, bytes)
        let chunked = cleanChunked(cleaner, bytes, ends: ends)
        if whole != chunked {
            // Tell chunking apart from state left in a pooled engine by an earlier document:
            // redo both with fresh cleaners, whose engines have cleaned nothing yet.
            let options = name == "default" ? CleanerOptions() : smallWindows
            let freshWhole = (try? Cleaner(options: options)).map { cleanWhole($0, bytes) }
            let freshChunked = (try? Cleaner(options: options)).map { cleanChunked($0, bytes, ends: ends) }
            fatalError("""
                HuskFuzzPipeline: chunked output differs from whole output (options: \(name), \
                chunk ends: \(ends))
                fresh cleaners: whole == chunked: \(freshWhole == freshChunked); \
                fresh whole == pooled whole: \(freshWhole == whole); \
                fresh chunked == pooled chunked: \(freshChunked == chunked)
                --- whole
                \(describe(whole))
                --- chunked
                \(describe(chunked))
                """)
        }
        switch whole {
        case .success(let document):
            // The writers see every field; they must not trap on any of it.
            for format in OutputFormat.allCases { _ = format.writer.render(document) }
        case .failure(.binaryInput):
            break  // expected for binary-looking input
        case .failure(let error):
            fatalError("HuskFuzzPipeline: unexpected error (options: \(name)): \(error)")
        }
    }
    return 0
}

#if HUSK_FUZZ
@_cdecl("HuskFuzzPipeline_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        var empty: UInt8 = 0
        guard let data else { return withUnsafePointer(to: &empty) { fuzz($0, 0) } }
        return fuzz(data, size)
    }
}
#else
// Without libFuzzer (a plain `swift build`, which builds every target), the executable replays
// the files given as arguments: `swift run HuskFuzzPipeline FILE...`.
@main
enum Replay {
    static func main() { replayFiles(fuzz) }
}
#endif

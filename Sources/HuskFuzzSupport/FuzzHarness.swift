// What both fuzz targets share: libFuzzer's driver entry point under -DHUSK_FUZZ, and the
// file replayer an ordinary build runs instead. Each target keeps its own `<module>_main`
// (libFuzzer needs a C callback naming that target's `fuzz`) and its own `@main`.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

#if HUSK_FUZZ
// SwiftPM links every executable with `main` aliased to `<module>_main` (so tests can link
// executables), which also overrides libFuzzer's own `main`; a target's `<module>_main` hands
// control to libFuzzer's driver, as libFuzzer's `main` would.
@_extern(c, "LLVMFuzzerRunDriver")
public func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif

/// One line on standard error (the C `stderr` global is not concurrency-safe in Swift 6).
public func printError(_ message: String) {
    let bytes = Array((message + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

/// Replays the files named on the command line through `fuzz`, to reproduce a finding in an
/// ordinary build (`swift run HuskFuzzPipeline FILE...`); exits with 2 on a usage or read error.
public func replayFiles(_ fuzz: (UnsafePointer<UInt8>, Int) -> CInt) {
    let paths = CommandLine.arguments.dropFirst()
    if paths.isEmpty {
        printError("usage: \(CommandLine.arguments[0]) FILE...  (replays inputs; fuzz with tools/fuzz/run)")
        exit(2)
    }
    for path in paths {
        guard let file = fopen(path, "rb") else {
            printError("cannot read \(path)")
            exit(2)
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        fclose(file)
        bytes.append(0)  // a valid pointer even for an empty file
        _ = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return CInt(0) }
            return fuzz(base, buffer.count - 1)
        }
        print("ok \(path) (\(bytes.count - 1) bytes)")
    }
}

import Foundation
import Husk
import XCTest

/// Output must not depend on how the input is chunked.
final class StreamingTests: XCTestCase {
    func testEverySampleGivesTheSameOutputInChunksOf1_7_64_4096() throws {
        let cleaner = try Cleaner()
        let writer = TextWriter()
        for sample in SampleSupport.cases() {
            let bytes = try SampleSupport.input(sample)
            let whole = writer.render(try bytes.withUnsafeBufferPointer { try cleaner.clean(bytes: $0) })
            for size in [1, 7, 64, 4096] {
                XCTAssertEqual(writer.render(try chunked(cleaner, bytes, size)), whole, "\(sample.lastPathComponent) in chunks of \(size)")
            }
        }
    }

    /// Cleans `bytes` fed in chunks of `size`, with paragraphs taken as they come.
    private func chunked(_ cleaner: Cleaner, _ bytes: [UInt8], _ size: Int) throws -> CleanedDocument {
        let stream = try cleaner.makeStream()
        var paragraphs: [Paragraph] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            try stream.feed(Array(bytes[start..<end]))
            paragraphs += stream.takeParagraphs()
            start = end
        }
        var document = try stream.finish()
        document.paragraphs = paragraphs + document.paragraphs
        return document
    }

    /// Inputs the fuzz targets found (Tests/HuskTests/Regression/Fuzz), with the default options
    /// and the fuzz target's small windows, whole and in small chunks.
    func testFuzzFindingsGiveTheSameOutputInAnyChunking() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Regression/Fuzz")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") && $0 != "README.md" }
        XCTAssertFalse(files.isEmpty)
        var small = CleanerOptions()
        small.windowBytes = 256
        small.windowHardLimitBytes = 512
        small.windowLines = 4
        small.maxLineBytes = 128
        small.binarySampleBytes = 64
        let writer = JSONWriter()
        for options in [CleanerOptions(), small] {
            let cleaner = try Cleaner(options: options)
            for name in files.sorted() {
                let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent(name)))
                let whole: String
                do {
                    whole = writer.render(try bytes.withUnsafeBufferPointer { try cleaner.clean(bytes: $0) })
                } catch {
                    for size in [1, 3, 7, 64] { XCTAssertThrowsError(try chunked(cleaner, bytes, size), name) }
                    continue
                }
                for size in [1, 3, 7, 64] {
                    XCTAssertEqual(writer.render(try chunked(cleaner, bytes, size)), whole, "\(name) in chunks of \(size)")
                }
            }
        }
    }

    func testSmallWindowsStreamParagraphsBeforeTheEnd() throws {
        var options = CleanerOptions()
        options.windowBytes = 2048
        options.windowHardLimitBytes = 4096
        options.binarySampleBytes = 512
        let cleaner = try Cleaner(options: options)
        let paragraph = "The council agreed on Tuesday that the new library would open in the spring, after years of delay and a long public debate about its cost.\n\n"
        let stream = try cleaner.makeStream()
        var early = 0
        for _ in 0..<100 {
            try stream.feed(Array(paragraph.utf8))
            early += stream.takeParagraphs().count
        }
        let document = try stream.finish()
        XCTAssertGreaterThan(early, 0, "paragraphs came out before the input ended")
        XCTAssertNotNil(stream.metadata)
        XCTAssertGreaterThan(early + document.paragraphs.count, 0)
    }

    func testInputWithoutNewlinesCompletesInBoundedLines() throws {
        var options = CleanerOptions()
        options.maxLineBytes = 4096
        let cleaner = try Cleaner(options: options)
        let text = String(repeating: "word ", count: 50_000)
        let document = try cleaner.clean(text)
        XCTAssertEqual(document.statistics.bytesIn, text.utf8.count)
    }
}

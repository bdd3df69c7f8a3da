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
                let stream = try cleaner.makeStream()
                var start = 0
                var paragraphs: [Paragraph] = []
                while start < bytes.count {
                    let end = min(bytes.count, start + size)
                    try stream.feed(Array(bytes[start..<end]))
                    paragraphs += stream.takeParagraphs()
                    start = end
                }
                var document = try stream.finish()
                document.paragraphs = paragraphs + document.paragraphs
                XCTAssertEqual(writer.render(document), whole, "\(sample.lastPathComponent) in chunks of \(size)")
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

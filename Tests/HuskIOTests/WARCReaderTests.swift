import XCTest
@testable import HuskIO

final class WARCReaderTests: XCTestCase {
    func records(_ bytes: [UInt8], chunk: Int = 1 << 16) throws -> (records: [WARCRecord], warnings: [IOError]) {
        let reader = WARCReader(MemorySource(bytes, chunk: chunk), path: "t.warc")
        var out: [WARCRecord] = []
        while let r = try reader.next() { out.append(r) }
        return (out, reader.warnings)
    }

    func testReadsRecordsWithHeadersAndContentInAnyChunking() throws {
        let bytes = warcRecord(type: "warcinfo", uri: "", content: "x: y\r\n")
            + warcRecord(type: "conversion", uri: "http://a/1", content: "Hello\nworld")
            + warcRecord(type: "conversion", uri: "http://a/2", content: "Second")
        for chunk in [1, 7, 4096] {
            let (r, warnings) = try records(bytes, chunk: chunk)
            XCTAssertEqual(r.map(\.type), ["warcinfo", "conversion", "conversion"])
            XCTAssertEqual(r[1].targetURI, "http://a/1")
            XCTAssertEqual(r[1].date, "2024-03-01T10:00:00Z")
            XCTAssertEqual(String(decoding: r[1].content, as: UTF8.self), "Hello\nworld")
            XCTAssertEqual(r[2].offset, warcRecord(type: "warcinfo", uri: "", content: "x: y\r\n").count + warcRecord(type: "conversion", uri: "http://a/1", content: "Hello\nworld").count)
            XCTAssertTrue(warnings.isEmpty)
        }
    }

    func testGzipMembersPerRecordAreReadAsOneStream() throws {
        let plain = [warcRecord(type: "conversion", uri: "http://a/1", content: "One"),
                     warcRecord(type: "conversion", uri: "http://a/2", content: "Two")]
        let compressed = try plain.flatMap { try gzipped($0) }
        let source = try GzipSource(MemorySource(compressed, chunk: 5), path: "t.warc.gz")
        let reader = WARCReader(source, path: "t.warc.gz")
        var texts: [String] = []
        while let r = try reader.next() { texts.append(String(decoding: r.content, as: UTF8.self)) }
        XCTAssertEqual(texts, ["One", "Two"])
    }

    func testALengthThatIsTooShortIsReportedAndTheNextRecordStillRead() throws {
        let bytes = warcRecord(type: "conversion", uri: "http://a/1", content: "line one\nline two", length: 4)
            + warcRecord(type: "conversion", uri: "http://a/2", content: "Next")
        let (r, warnings) = try records(bytes)
        XCTAssertEqual(r.map { $0.targetURI ?? "" }, ["http://a/1", "http://a/2"])
        XCTAssertEqual(warnings.count, 1)
    }

    func testALengthBeyondTheEndIsAnErrorWithTheRecordOffset() throws {
        let bytes = warcRecord(type: "conversion", uri: "http://a/1", content: "short", length: 1_000_000)
        XCTAssertThrowsError(try records(bytes)) { error in
            XCTAssertEqual((error as? IOError)?.position, "byte 0")
        }
    }

    func testResponseRecordsLoseTheirHTTPHeadersAndAreMarkedHTML() throws {
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Hi</p>"
        let (r, _) = try records(warcRecord(type: "response", uri: "http://a/", content: http))
        XCTAssertTrue(r[0].isHTML)
        XCTAssertEqual(String(decoding: r[0].content, as: UTF8.self), "<p>Hi</p>")
    }
}

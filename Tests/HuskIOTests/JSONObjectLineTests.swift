import XCTest
@testable import HuskIO

final class JSONObjectLineTests: XCTestCase {
    func parse(_ s: String) throws -> JSONObjectLine { try JSONObjectLine(Array(s.utf8)) }

    func testMembersKeepTheirRawBytesAndOrder() throws {
        let line = try parse(#"{"id": 7, "text":"a\nb", "meta":{"x":[1,2.50e3,null,true]}}"#)
        XCTAssertEqual(line.members.map(\.key), ["id", "text", "meta"])
        let meta = try XCTUnwrap(line.member("meta"))
        XCTAssertEqual(String(decoding: line.bytes[meta.value], as: UTF8.self), #"{"x":[1,2.50e3,null,true]}"#)
        XCTAssertEqual(try line.string("text"), "a\nb")
    }

    func testEscapesAndSurrogatePairsDecode() throws {
        let line = try parse(#"{"text":"caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \t"}"#)
        XCTAssertEqual(try line.string("text"), "café 😀 \"q\" \\ / \t")
    }

    func testLoneSurrogateBecomesReplacementCharacter() throws {
        XCTAssertEqual(try parse(#"{"text":"a\ud800b"}"#).string("text"), "a\u{FFFD}b")
    }

    func testRewriteReplacesInPlaceAndAppendsNewKeys() throws {
        let line = try parse(#"{"id":1, "text" : "old", "n":2}"#)
        let out = String(decoding: line.rewritten([("text", #""new""#), ("husk", "{}")]), as: UTF8.self)
        XCTAssertEqual(out, #"{"id":1, "text" : "new", "n":2,"husk":{}}"#)
    }

    func testRewriteOfEmptyObjectAddsMembersWithoutLeadingComma() throws {
        let out = String(decoding: try parse("{ }").rewritten([("a", "1")]), as: UTF8.self)
        XCTAssertEqual(out, #"{ "a":1}"#)
    }

    func testInvalidJSONIsRefusedWithAColumn() {
        for bad in [#"{"a":}"#, #"{"a":1"#, #"["a"]"#, #"{"a":tru}"#, #"{"a":"x}"#, #"{"a":1} x"#, #"{"a":01.}"#, "{\"a\":\"\u{1}\"}"] {
            XCTAssertThrowsError(try parse(bad), bad) { error in
                XCTAssertGreaterThan((error as? JSONLineError)?.column ?? 0, 0)
            }
        }
    }

    func testDeepNestingIsRefusedNotRecursedInto() {
        let deep = #"{"a":"# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        XCTAssertThrowsError(try parse(deep)) { error in
            XCTAssertEqual((error as? JSONLineError)?.message, "nested too deeply")
        }
    }

    func testNonStringTextIsAnError() throws {
        XCTAssertThrowsError(try parse(#"{"text":5}"#).string("text"))
        XCTAssertNil(try parse(#"{"text":null}"#).string("text"))
    }
}

@testable import Husk
import XCTest

final class TextHashTests: XCTestCase {
    func testEqualTextsHashEqually() {
        let text = "Share this article on Facebook"
        XCTAssertEqual(TextHash.of(text), TextHash.of(String(text.reversed().reversed())))
    }

    func testTextsThatDifferAnywhereOrOnlyInLengthHashApart() {
        // Every one-byte change of a 21-byte line (inside a word, in the tail), every prefix,
        // and zero bytes at the end (the tail is read as a number, so length must count).
        let base = Array("Related: more stories".utf8)
        var texts = [String(decoding: base, as: UTF8.self)]
        for i in base.indices {
            var changed = base
            changed[i] ^= 0x01
            texts.append(String(decoding: changed, as: UTF8.self))
        }
        for n in 0..<base.count { texts.append(String(decoding: base[..<n], as: UTF8.self)) }
        texts += ["a", "a\u{0}", "a\u{0}\u{0}", "\u{0}a"]
        XCTAssertEqual(Set(texts.map(TextHash.of)).count, Set(texts).count)
    }
}

import ICUKit
import XCTest

final class NormalizerTests: XCTestCase {
    func testNFCComposesDecomposedLetters() throws {
        let nfc = try Normalizer(.nfc)
        XCTAssertEqual(nfc.normalize("Cafe\u{301}"), "Caf\u{E9}")
    }

    func testNFKCFoldsFullWidthForms() throws {
        let nfkc = try Normalizer(.nfkc)
        XCTAssertEqual(nfkc.normalize("ＡＢＣ１２３"), "ABC123")
    }

    func testAlreadyNormalizedTextIsReturnedUnchanged() throws {
        let nfc = try Normalizer(.nfc)
        XCTAssertEqual(nfc.normalize("Grüße aus Köln"), "Grüße aus Köln")
    }
}

final class RegexTests: XCTestCase {
    private func match(_ regex: ICURegex, _ text: String) -> ICURegex.Outcome {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { regex.firstMatch(in: $0) }
    }

    func testMatchReportsUTF8ByteOffsets() throws {
        let regex = try ICURegex("wörld", options: .caseInsensitive)
        XCTAssertEqual(match(regex, "héllo WÖRLD"), .match(7..<13))
    }

    func testSyntaxErrorReportsItsOffset() {
        XCTAssertThrowsError(try ICURegex("abc(def")) { error in
            guard let icu = error as? ICUError else { return XCTFail("not an ICUError") }
            XCTAssertTrue(icu.name.hasPrefix("U_REGEX"), icu.name)
        }
    }

    func testCatastrophicBacktrackingHitsTheTimeLimit() throws {
        let regex = try ICURegex("^(a+)+$", timeLimit: 2)
        let outcome = match(regex, String(repeating: "a", count: 40) + "b")
        XCTAssertEqual(outcome, .limitExceeded)
    }
}

final class DateFormatTests: XCTestCase {
    func testStrictParsingAcceptsRealDates() throws {
        let format = try DateFormat(pattern: "MMMM d y", locale: "en")
        XCTAssertEqual(format.parse("March 30 2016"), Day(year: 2016, month: 3, day: 30))
    }

    func testStrictParsingRejectsImpossibleDays() throws {
        let format = try DateFormat(pattern: "MMMM d y", locale: "en")
        XCTAssertNil(format.parse("March 45 2016"))
    }

    func testLocalizedMonthNames() throws {
        let format = try DateFormat(pattern: "d MMMM y", locale: "de")
        XCTAssertEqual(format.parse("12 März 2024"), Day(year: 2024, month: 3, day: 12))
    }

    func testTrailingTextIsRejected() throws {
        let format = try DateFormat(pattern: "MMMM d y", locale: "en")
        XCTAssertNil(format.parse("March 30 2016 at noon"))
    }
}

final class ScriptTests: XCTestCase {
    func testScriptCodes() {
        XCTAssertEqual(Script.code(of: "a"), "Latn")
        XCTAssertEqual(Script.code(of: "Ж"), "Cyrl")
        XCTAssertEqual(Script.code(of: "漢"), "Hani")
        XCTAssertEqual(Script.code(of: "ひ"), "Hira")
    }
}

@testable import Husk
import XCTest

extension LanguageIdentifierTests {
    /// The script count skips this range without a property lookup, which is right only while
    /// none of its scalars is a letter.
    func testTheRangeSkippedAsLetterFreeHoldsNoLetters() {
        for value in LanguageIdentifier.letterFree {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertFalse(scalar.properties.isAlphabetic, "U+\(String(value, radix: 16, uppercase: true))")
        }
    }

    /// The letter table answers as the Alphabetic property does for every scalar it covers.
    func testTheLetterTableAgreesWithTheAlphabeticProperty() {
        for value in UInt32(0)..<LanguageIdentifier.tabledLetters {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertEqual(LanguageIdentifier.isTabledLetter(value), scalar.properties.isAlphabetic, "U+\(String(value, radix: 16, uppercase: true))")
        }
    }
}

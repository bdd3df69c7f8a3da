@testable import Husk
import ICUKit
import XCTest

final class TextNormalizerTests: XCTestCase {
    private func normalize(_ s: String, _ form: CleanerOptions.NormalizationForm = .nfc) throws -> String {
        try TextNormalizer(form: form).normalize(Array(s.utf8))
    }

    func testInvisibleCharactersAreRemoved() throws {
        XCTAssertEqual(try normalize("in\u{200B}vis\u{AD}ible\u{FEFF}"), "invisible")
        XCTAssertEqual(try normalize("\u{2063}"), "", "an invisible separator alone leaves an empty line")
    }

    func testOddSpacesBecomePlainSpaces() throws {
        XCTAssertEqual(try normalize("a\u{A0}b\u{2009}c\u{3000}d"), "a b c d")
    }

    func testHTMLEntitiesAreDecoded() throws {
        XCTAssertEqual(try normalize("Tom &amp; Jerry&#8217;s &nbsp;show &#x2014; &hellip;"), "Tom & Jerry\u{2019}s  show \u{2014} \u{2026}")
    }

    func testTextThatOnlyLooksLikeAnEntityIsKept() throws {
        XCTAssertEqual(try normalize("AT&T and Q&A; &unknown;"), "AT&T and Q&A; &unknown;")
    }

    func testDecomposedTextIsComposedToNFC() throws {
        XCTAssertEqual(try normalize("Cafe\u{301}"), "Caf\u{E9}")
    }

    func testNFKCOptionFoldsCompatibilityForms() throws {
        XCTAssertEqual(try normalize("ﬁle ２０２４", .nfkc), "file 2024")
    }

    func testRightToLeftTextIsUnharmed() throws {
        let hebrew = "שלום עולם, זה טקסט בעברית."
        XCTAssertEqual(try normalize(hebrew), hebrew)
    }

    /// The lead-byte scan that lets clean lines skip the copy must see every character the
    /// cleaning pass changes, and nothing else, across the BMP.
    func testCleaningScanFindsExactlyTheCharactersCleaningChanges() throws {
        let normalizer = try TextNormalizer(form: .nfc)
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array("a\(Character(scalar))b".utf8)
            bytes.withUnsafeBufferPointer { line in
                var out: [UInt8] = []
                normalizer.cleanUnicode(line, into: &out)
                XCTAssertEqual(TextNormalizer.hasCharactersToClean(line), out != bytes, String(value, radix: 16))
            }
        }
    }

    func testCleanLinesAreLentBackUnchanged() throws {
        let normalizer = try TextNormalizer(form: .nfc)
        for clean in ["plain ascii", "it’s “quoted” — Привет, 世界", "Caf\u{E9}"] {
            let bytes = Array(clean.utf8)
            XCTAssertNil(bytes.withUnsafeBufferPointer { normalizer.normalized($0) }, clean)
        }
        for dirty in ["a\u{A0}b", "x &amp; y", "Cafe\u{301}", "tab\there", "zero\u{200B}width"] {
            let bytes = Array(dirty.utf8)
            XCTAssertNotNil(bytes.withUnsafeBufferPointer { normalizer.normalized($0) }, dirty)
        }
    }

    /// Every character the stable-text shortcut accepts is NFC on its own, does not combine
    /// (combining class 0) and passes ICU's quick check; the shortcut refuses combining marks.
    func testNFCStableCharactersNeedNoComposition() throws {
        let icu = try Normalizer(.nfc)
        let scratch = UTF16Text()
        var accepted = 0
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array("a\(Character(scalar))".utf8)
            let stable = bytes.withUnsafeBufferPointer { TextNormalizer.isNFCStable($0) }
            guard stable else { continue }
            accepted += 1
            XCTAssertEqual(scalar.properties.canonicalCombiningClass, .notReordered, String(value, radix: 16))
            XCTAssertNil(bytes.withUnsafeBufferPointer { icu.normalized($0, scratch: scratch) }, String(value, radix: 16))
        }
        XCTAssertGreaterThan(accepted, 30_000)
        XCTAssertFalse(Array("Cafe\u{301}".utf8).withUnsafeBufferPointer { TextNormalizer.isNFCStable($0) })
        XCTAssertFalse(Array("\u{F900}".utf8).withUnsafeBufferPointer { TextNormalizer.isNFCStable($0) })
    }

    /// The eight-byte line scan against a byte loop, with the bytes it looks for next to the
    /// ones it must pass (0x1F and 0x20, 0x25 to 0x27, 0x7E to 0x80) at every position.
    func testLineScanAgreesWithAByteLoop() {
        let near: [UInt8] = [0x00, 0x09, 0x1F, 0x20, 0x21, 0x25, 0x26, 0x27, 0x7E, 0x7F, 0x80, 0xC3, 0xFF, 0x61]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<30_000 {
            let bytes = (0..<Int.random(in: 0...30, using: &generator)).map { _ -> UInt8 in
                Int.random(in: 0..<4, using: &generator) == 0 ? near.randomElement(using: &generator) ?? 0 : 0x61
            }
            let ascii = bytes.allSatisfy { $0 < 0x80 }
            let special = bytes.contains { $0 < 0x20 || $0 == 0x26 || $0 == 0x7F }
            bytes.withUnsafeBufferPointer { buffer in
                let scanned = TextNormalizer.scan(buffer)
                XCTAssertEqual(scanned.ascii, ascii, "\(bytes)")
                XCTAssertEqual(scanned.special, special, "\(bytes)")
            }
        }
    }
}

@testable import Husk
import XCTest

final class RuleSetTests: XCTestCase {
    func testEmbeddedDefaultRulesAreValidAndTheirExamplesHold() throws {
        let rules = try RuleSet.defaults()
        XCTAssertGreaterThan(rules.rules.count, 20)
        XCTAssertTrue(rules.rules.allSatisfy { !$0.examples.isEmpty && !$0.counterExamples.isEmpty },
                      "every default rule has examples that must and must not match")
    }

    private func diagnostics(_ text: String) -> [RuleDiagnostic] {
        do {
            _ = try RuleSet(files: [("my.rules", text)])
            return []
        } catch {
            if case .invalidRules(let list) = error { return list }
            return []
        }
    }

    func testUnknownActionIsReportedWithLineAndColumn() {
        let problems = diagnostics("[drop-x]\ncategory = nav\naction = vaporize\npattern = ^x$\n")
        XCTAssertEqual(problems.first?.description, "my.rules:3:10: unknown action 'vaporize' (use drop, drop-rest, drop-before, protect, hint or extract:FIELD)")
    }

    func testInvalidPatternPointsIntoThePattern() {
        let problems = diagnostics("[drop-x]\ncategory = nav\npattern = ^abc(def$\n")
        XCTAssertEqual(problems.first?.line, 3)
        XCTAssertGreaterThanOrEqual(problems.first?.column ?? 0, 11)
        XCTAssertTrue(problems.first?.message.contains("invalid pattern") ?? false)
    }

    func testDuplicateIdsAreRejected() {
        let text = "[drop-x]\ncategory = nav\npattern = a\n[drop-x]\ncategory = nav\npattern = b\n"
        XCTAssertTrue(diagnostics(text).contains { $0.message.contains("duplicate rule id") && $0.line == 4 })
    }

    func testExamplesAreChecked() {
        let text = "[drop-x]\ncategory = nav\npattern = ^menu$\nmatch = Main menu\nno-match = menu\n"
        let problems = diagnostics(text)
        XCTAssertEqual(problems.count, 2)
        XCTAssertTrue(problems[0].message.contains("does not match its example"))
    }

    func testSyntaxErrorsAreAllReported() {
        let text = "category = nav\n[Bad Id]\npattern = x\nthis is not a key\n"
        XCTAssertGreaterThanOrEqual(diagnostics(text).count, 3)
    }

    func testKeywordPrefilterSkipsRulesWhoseKeywordsAreAbsent() throws {
        let set = try RuleSet(files: [("t.rules", "[drop-share]\ncategory = share\nkeywords = share\npattern = ^share$\nmatch = Share\nno-match = x\n")])
        let matcher = RuleMatcher(rules: set, maxLineCharacters: 400)
        XCTAssertEqual(matcher.hits("Share", characters: 5, language: "en").count, 1)
        XCTAssertEqual(matcher.hits("Tweet", characters: 5, language: "en").count, 0)
    }

    func testKeywordsWrittenInCapitalsOfAnyScriptStillFindLowercaseText() throws {
        let set = try RuleSet(files: [("t.rules", "[drop-ete]\ncategory = nav\nkeywords = ÉTÉ, ПОДЕЛИТЬСЯ\npattern = ^(?:été|поделиться)$\n")])
        let matcher = RuleMatcher(rules: set, maxLineCharacters: 400)
        XCTAssertEqual(matcher.hits("Été", characters: 3, language: "fr").count, 1)
        XCTAssertEqual(matcher.hits("Поделиться", characters: 10, language: "ru").count, 1)
        XCTAssertEqual(matcher.hits("Hiver", characters: 5, language: "fr").count, 0)
    }

    func testLongBlocksStillReachRulesWrittenForThem() throws {
        let text = "[drop-long]\ncategory = legal\nscope = block\nmax-length = 2000\nkeywords = disclaimer\npattern = ^disclaimer\n"
            + "[drop-short]\ncategory = nav\nkeywords = disclaimer\npattern = ^disclaimer\n"
        let matcher = RuleMatcher(rules: try RuleSet(files: [("t.rules", text)]), maxLineCharacters: 400)
        let long = "Disclaimer: " + String(repeating: "this text is long. ", count: 40)
        XCTAssertEqual(matcher.hits(long, characters: long.count, language: "en").map(\.rule), [0])
        XCTAssertEqual(matcher.hits("Disclaimer", characters: 10, language: "en").map(\.rule), [0, 1])
    }

    func testLanguageTaggedRulesApplyOnlyToTheirLanguage() throws {
        let set = try RuleSet(files: [("t.rules", "[drop-teilen-de]\ncategory = share\nlang = de\nkeywords = teilen\npattern = ^teilen$\n")])
        let matcher = RuleMatcher(rules: set, maxLineCharacters: 400)
        XCTAssertEqual(matcher.hits("Teilen", characters: 6, language: "de").count, 1)
        XCTAssertEqual(matcher.hits("Teilen", characters: 6, language: "en").count, 0)
    }

    func testKeywordAutomatonFindsOverlappingKeywords() {
        let automaton = KeywordAutomaton(keywords: [["he", "she"], ["hers"], ["xyz"]])
        var found = Set<Int>()
        Array("ushers".utf8).withUnsafeBufferPointer { KeywordScanner(automaton).scan($0) { found.insert($0) } }
        XCTAssertEqual(found, [0, 1])
    }

    func testKeywordScannerReadsAsciiCapitalsAsLowercase() {
        let automaton = KeywordAutomaton(keywords: [["share"], ["été"]])
        var found = Set<Int>()
        Array("SHARE THIS ÉTÉ".utf8).withUnsafeBufferPointer { KeywordScanner(automaton).scan($0) { found.insert($0) } }
        XCTAssertEqual(found, [0], "only ASCII is folded by the scanner; other capitals are the caller's job")
    }

    /// Random byte strings of a given length over the UTF-8 bytes of `alphabet`.
    private func randomWords(from alphabet: String) -> (Int) -> [UInt8] {
        let bytes = Array(alphabet.utf8)
        return { length in (0..<length).map { _ in bytes.randomElement() ?? 97 } }
    }

    func testKeywordAutomatonAgreesWithNaiveSearchOnRandomText() {
        let word = randomWords(from: "abcé ")
        for _ in 0..<50 {
            let keywords = (0..<6).map { _ in (0..<3).map { _ in String(decoding: word(Int.random(in: 1...4)), as: UTF8.self) } }
            let automaton = KeywordAutomaton(keywords: keywords)
            let scanner = KeywordScanner(automaton)
            for _ in 0..<20 {
                let text = word(Int.random(in: 0...40))
                var found = Set<Int>()
                text.withUnsafeBufferPointer { scanner.scan($0) { found.insert($0) } }
                let expected = Set(keywords.indices.filter { k in
                    keywords[k].contains { w in !w.isEmpty && text.firstRange(of: Array(w.utf8)) != nil }
                })
                XCTAssertEqual(found, expected, "\(keywords) in \(String(decoding: text, as: UTF8.self))")
            }
        }
    }

    func testPairedScanFindsWhatTwoSingleScansFind() {
        let word = randomWords(from: "abc 1")
        for _ in 0..<40 {
            let keywords = (0..<8).map { _ in (0..<2).map { _ in String(decoding: word(Int.random(in: 1...3)), as: UTF8.self) } }
            let scanner = KeywordScanner(KeywordAutomaton(keywords: keywords))
            for _ in 0..<20 {
                // Texts of unequal lengths, either one empty: the longer one's tail is read alone.
                let first = word(Int.random(in: 0...30))
                let second = word(Int.random(in: 0...30))
                var alone: [Int] = []
                var otherAlone: [Int] = []
                first.withUnsafeBufferPointer { scanner.scan($0, into: &alone) }
                second.withUnsafeBufferPointer { scanner.scan($0, into: &otherAlone) }
                var paired: [Int] = [99]
                var otherPaired: [Int] = []
                first.withUnsafeBufferPointer { a in
                    second.withUnsafeBufferPointer { b in scanner.scan(a, b, into: &paired, &otherPaired) }
                }
                // Appended after what the lists held, each owner once.
                XCTAssertEqual(paired, [99] + alone)
                XCTAssertEqual(otherPaired.sorted(), otherAlone.sorted())
                XCTAssertEqual(Set(otherPaired).count, otherPaired.count)
            }
        }
    }
}

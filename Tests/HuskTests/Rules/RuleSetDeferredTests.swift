@testable import Husk
import XCTest

/// Localized rules files are parsed when their language is first met, as if parsed at start-up.
final class RuleSetDeferredTests: XCTestCase {
    func testDeferredDefaultsParseToExactlyTheEagerRulesInTheSameOrder() throws {
        let eager = try RuleSet.defaults(checkExamples: false)
        let lazy = try RuleSet.defaultsDeferringLanguages()
        XCTAssertFalse(lazy.deferred.isEmpty, "the localized files should wait")
        XCTAssertEqual(lazy.rules.map(\.id), eager.rules.map(\.id), "placeholders hold each rule's place")
        XCTAssertEqual(lazy.parsingDeferred().rules, eager.rules)
    }

    func testEveryDeferredFileParsesAsItsScanSays() throws {
        let lazy = try RuleSet.defaultsDeferringLanguages()
        for file in lazy.deferred {
            let parsed = try XCTUnwrap(file.parse(placeholders: lazy.rules[file.range]), file.name)
            XCTAssertTrue(parsed.allSatisfy { !$0.languages.isEmpty && Set($0.languages).isSubset(of: file.languages) }, file.name)
        }
    }

    func testAFileWithALanguageNeutralRuleIsNotDeferred() {
        let text = "[drop-a]\ncategory = nav\nlang = de\npattern = ^a$\n\n[drop-b]\ncategory = nav\npattern = ^b$\n"
        XCTAssertNil(RuleSet.scan(text, name: "x.rules"))
        XCTAssertNil(RuleSet.scan(text.replacingOccurrences(of: "lang = de", with: "lang = *"), name: "x.rules"))
        let scanned = RuleSet.scan(text.replacingOccurrences(of: "pattern = ^b$", with: "lang = fr, be\npattern = ^b$"), name: "x.rules")
        XCTAssertEqual(scanned?.placeholders.map(\.id), ["drop-a", "drop-b"])
        XCTAssertEqual(scanned?.languages, ["de", "fr", "be"])
    }

    func testTheCleanerShowsEveryRuleParsed() throws {
        let cleaner = try Cleaner()
        XCTAssertEqual(cleaner.rules.rules, try RuleSet.defaults(checkExamples: false).rules)
    }

    func testAnEngineParsesALanguageWhenItFirstMeetsIt() throws {
        let cleaner = try Cleaner()
        let engine = try Engine(options: cleaner.options, rules: cleaner.ruleSet)
        let german = try XCTUnwrap(cleaner.ruleSet.deferred.first { $0.languages.contains("de") })
        XCTAssertTrue(engine.rules[german.range].allSatisfy(\.patterns.isEmpty))
        engine.prepareRules(for: "de")
        XCTAssertTrue(engine.rules[german.range].allSatisfy { !$0.patterns.isEmpty })
        XCTAssertEqual(engine.matcher.rules.map(\.id), engine.rules.map(\.id))
        let byline = engine.matcher.hits("Von Anna Schmidt und Peter Müller", characters: 33, language: "de")
        XCTAssertTrue(byline.contains { engine.rules[$0.rule].id == "extract-byline-von-de" })
    }

    func testUserRulesMayNotReuseADeferredRulesId() throws {
        var options = CleanerOptions()
        options.extraRules = [("mine.rules", "[extract-byline-von-de]\ncategory = byline\npattern = ^x$\nmatch = x\nno-match = y\n")]
        XCTAssertThrowsError(try Cleaner(options: options))
    }
}

@testable import Husk
import XCTest

final class MetadataExtractorTests: XCTestCase {
    private func meta(_ top: String, _ bottom: String = "") throws -> Metadata {
        try MetadataFixture.meta(top, bottom)
    }

    func testTitleWithoutHeadingMarkupIsTheLineAboveTheByline() throws {
        let m = try meta("Menu\n\nSearch\n\nLibrary to open in spring after long delay\n\nBy Ann Lee\n\nMarch 3, 2024")
        XCTAssertEqual(m.title, "Library to open in spring after long delay")
        XCTAssertEqual(m.author, "Ann Lee")
        XCTAssertEqual(m.date, "2024-03-03")
    }

    func testALongerStandfirstBetweenHeadlineAndBylineIsNotTheTitle() throws {
        let m = try meta(
            "Menu\n\nLibrary to open in spring\n\nThe council agreed on the opening date after years of delay and a long debate\n\nBy Ann Lee\n\nMarch 3, 2024")
        XCTAssertEqual(m.title, "Library to open in spring")
        // A shorter line indented differently (a menu) does not make the headline a standfirst.
        let menu = try meta("  Home About Privacy\n\nLibrary to open in spring after a long delay\n\nBy Ann Lee")
        XCTAssertEqual(menu.title, "Library to open in spring after a long delay")
    }

    func testASignOffNameIsTheAuthorOnlyWhereThatIsTheConvention() throws {
        let article = """
            Hội An thí điểm tuyến phố không đồ nhựa

            Từ đầu tháng 6, chính quyền thành phố Hội An bắt đầu thí điểm tuyến phố không sử dụng đồ nhựa dùng một lần tại khu phố cổ, sau nhiều tháng chuẩn bị.

            Nếu mô hình thí điểm đạt hiệu quả, Hội An dự kiến mở rộng quy định ra toàn bộ khu vực phố cổ và các bãi biển từ năm sau.

            Minh Anh

            Tin liên quan
            """
        XCTAssertEqual(try Cleaner().clean(article).metadata.author, "Minh Anh")
        let english = try meta(
            "# Library to open in spring\n\nLibrary staff said the opening would bring new jobs to the town and its surrounding villages.",
            "Report Error")
        XCTAssertNil(english.author, "a capitalised label after an English article is not a sign-off")
    }

    func testMentionsOfALongerSiteNameDoNotCountForItsPrefix() throws {
        let m = try meta(
            "[ORBIT WEEKLY](#)\n\n# Library to open in spring",
            "Get the Orbit Weekly newsletter\n\n© Orbit Media Group 2024. Orbit Weekly is a registered trademark.")
        XCTAssertEqual(m.sitename?.lowercased(), "orbit weekly")
    }

    func testTheHeadlineIsTheLineWhoseWordsTheArticleRepeats() throws {
        // Both lines sit above a dateline; only the headline's words come back in the article.
        let m = try meta(
            "Library to open in spring after long delay\n\nThe Morning Courier Staff\n\nMarch 3, 2024",
            "The delay came from a dispute over the roof, which the builders said needed more work than planned.\n\n"
                + "The long delay cost the town more than it had budgeted, the council's treasurer told residents.")
        XCTAssertEqual(m.title, "Library to open in spring after long delay")
        XCTAssertEqual(WordEcho().overlap("a b"), nil)
        var echo = WordEcho()
        echo.add("The LIBRARY will open in spring.")
        XCTAssertEqual(echo.overlap("Library to open in spring"), 1.0)
        XCTAssertEqual(echo.overlap("Courier staff"), 0.0)
    }

    func testACopyrightHolderKeepsItsDomainName() throws {
        let m = try meta("# Library to open in spring", "© 2000-2018 Harborview.com, Inc. All Rights Reserved.")
        XCTAssertEqual(m.sitename, "Harborview.com")
    }

    func testPortraitsAndNumberedIconsAreNoLogos() throws {
        let extractor = MetadataExtractor(dates: try DateFinder())
        XCTAssertTrue(extractor.isPortraitAlt("Marco Rossi's avatar"))
        XCTAssertFalse(extractor.isPortraitAlt("Harborview"))
        XCTAssertTrue(MetadataExtractor.looksLikeFileName("Icon (1)"))
        XCTAssertFalse(MetadataExtractor.looksLikeFileName("Harborview (UK)"))
    }

    func testATitleAfterTheNameIsNotASecondAuthor() throws {
        let extractor = MetadataExtractor(dates: try DateFinder())
        XCTAssertEqual(extractor.authors(from: "Jane Doe, Sr. Director of Operations, Acme"), ["Jane Doe"])
        XCTAssertEqual(extractor.authors(from: "Devika Raman, CEO of Quillnote"), ["Devika Raman"])
        XCTAssertEqual(extractor.authors(from: "Jane Doe, John Roe and Ann Lee"), ["Jane Doe", "John Roe", "Ann Lee"])
    }

    func testAListItemUnderTheTitleIsNotABylineName() throws {
        let m = try meta("# Library to open in spring\n\n  1. Set Goals\n  2. Make Plans")
        XCTAssertNil(m.author, "a table of contents or menu entry is not the author")
    }

    func testADatelineAboveTheHeadlineDoesNotHideTheBylineBelowIt() throws {
        let m = try meta("Menu\n\nNov. 20, 2019 6:02 AM EST\n\nLibrary to open in spring after long delay\n\nBy Ann Lee\n\nView all (4)")
        XCTAssertEqual(m.title, "Library to open in spring after long delay")
    }

    func testAnAllCapitalsLabelStripIsNotTheTitle() throws {
        let m = try meta("DATA BLOG EXPERT NLP SOLUTIONS MACHINE TRANSLATION\n\nLibrary to open in spring after long delay\n\nMarch 3, 2024")
        XCTAssertEqual(m.title, "Library to open in spring after long delay")
    }

    func testALongStatementEndingInAFullStopLosesToTheHeadline() throws {
        let m = try meta(
            "Library to open in spring\n\nNews\n\nCouncil\n\nLocal\n\n"
                + "The council met on Tuesday and agreed the new library would open in the spring after years of delay.\n\nMarch 3, 2024")
        XCTAssertEqual(m.title, "Library to open in spring")
    }

    func testARoleLineAboveTheAuthorsNameIsNotTheTitle() throws {
        let m = try meta("Library to open in spring after long delay\n\nMarch 3, 2024\n\nCo-founder of Acme Labs\n\nAnn Lee")
        XCTAssertEqual(m.title, "Library to open in spring after long delay")
    }

    func testTheSiteNameIsNotTheTitle() throws {
        let m = try meta("The Ledger\n\nMarch 3, 2024", "© 2024 The Ledger. All rights reserved.")
        XCTAssertNotEqual(m.title, "The Ledger")
    }

    func testSiteNamesLoseCopyrightWordsLegalFormsAndMarks() throws {
        XCTAssertEqual(try meta("# Library to open in spring", "© Copyright Harbor Post Media Pvt Ltd").sitename, "Harbor Post")
        XCTAssertEqual(try meta("# Library to open in spring", "© 2024 Quillnote or its affiliates").sitename, "Quillnote")
        XCTAssertEqual(MetadataExtractor.cleanName("Brightnook™"), "Brightnook")
    }

    func testNameUnderItsPortraitIsTheAuthor() throws {
        let m = try meta("# Library to open in spring after long delay\n\n![Picture of Ann Lee](#)\n\nAnn Lee")
        XCTAssertEqual(m.author, "Ann Lee")
        let comment = try meta("# Library to open in spring after long delay", "## Comments\n\n![Bob Roe's avatar](#)\n\nBob Roe")
        XCTAssertNil(comment.author, "an avatar below the article is a commenter's")
    }

    func testAnAffiliateNoticeAboveTheHeadlineDoesNotHideTheByline() throws {
        let notice = "Orbit Weekly is supported by its readers. When you purchase through links on our site, we may earn an affiliate commission. Learn more"
        let m = try meta("\(notice)\n\n1. Home\n2. News\n\n# Engineers map the oldest canal yet\n\nBy Ruth Calder - Contributor 2024-02-11T09:30:00Z")
        XCTAssertEqual(m.author, "Ruth Calder")
        XCTAssertEqual(m.date, "2024-02-11")
    }

    func testCopyrightHolderLosesItsLegalNoiseAndALinkLabelIsNoHolder() throws {
        let m = try meta("# Library to open in spring", "* Copyright Policy\n\n© 2019 The Valley Republic unless otherwise noted. All rights reserved.")
        XCTAssertEqual(m.sitename, "The Valley Republic")
        let link = try meta("# Library to open in spring", "* Copyright Policy")
        XCTAssertNotEqual(link.sitename, "Policy")
    }

    func testTheFirstMenuItemIsNotTheSiteName() throws {
        let m = try meta("![Valley Dispatch](#)\n\n  * Sports\n  * Weather\n  * Opinion\n\n# Library to open in spring")
        XCTAssertEqual(m.sitename, "Valley Dispatch")
    }

    func testSectionLabelInCapitalsIsNotTheTitle() throws {
        let m = try meta("LOCAL NEWS\n\n# Library to open in spring after long delay\n\nBy Ann Lee")
        XCTAssertEqual(m.title, "Library to open in spring after long delay")
    }

    func testSiteSuffixIsSplitFromTheTitleWhenTheSiteIsKnown() throws {
        let m = try meta("Library to open in spring | Valley Dispatch\n\nBy Ann Lee", "Copyright 2024 Valley Dispatch Publishing Co. | Privacy")
        XCTAssertEqual(m.title, "Library to open in spring")
        XCTAssertEqual(m.sitename, "Valley Dispatch")
    }

    func testSiteNameDropsLegalFormAndYear() throws {
        XCTAssertEqual(try meta("# Library to open in spring", "© 2024 The Touchline Ltd. All rights reserved.").sitename, "The Touchline")
        XCTAssertEqual(try meta("# Library to open in spring", "© 2024 Hartley & Company, Inc. All rights reserved.").sitename, "Hartley",
                       "no join is left dangling")
    }

    func testNameLineUnderTheHeadlineIsTheAuthor() throws {
        XCTAssertEqual(try meta("# Library to open in spring after long delay\n\nMaria Lopez\n\n12 May 2024").author, "Maria Lopez")
    }

    func testBylineStopsAtDatesAndRoles() throws {
        XCTAssertEqual(try meta("# Library to open in spring\n\nby Regan September 15, 2014").author, "Regan")
        XCTAssertEqual(try meta("# Library to open in spring\n\nStory by Carla Menendez, Staff Writer").author, "Carla Menendez")
        XCTAssertEqual(try meta("# Library to open in spring\n\nBy June Park and Jan Novak").authors, ["June Park", "Jan Novak"])
    }

    func testNameLineIsNeverTheTitleAndMarksTheHeadlineAboveIt() throws {
        let m = try meta("Home\n\nBlog\n\nWhy small libraries matter more than ever\n\nBy\n\nMaria Lopez\n\nApril 10, 2025")
        XCTAssertEqual(m.title, "Why small libraries matter more than ever")
        XCTAssertEqual(m.author, "Maria Lopez")
    }

    func testTheDateNextToTheHeadlineWinsOverOneHigherUp() throws {
        let top = "Tuesday, June 4, 2024\n\nHome\n\nNews\n\nSport\n\nWeather\n\n# Library to open in spring after long delay\n\nBy Ann Lee\n\nMay 28, 2024"
        XCTAssertEqual(try meta(top).date, "2024-05-28")
    }

    func testStandfirstBetweenHeadlineAndBylineIsTheDescription() throws {
        let m = try meta("# Library to open in spring\n\nAfter six years of delays, the town's new library has a date and a budget that holds\n\nBy Ann Lee")
        XCTAssertEqual(m.description, "After six years of delays, the town's new library has a date and a budget that holds")
        XCTAssertNil(try meta("# Library to open in spring").description)
    }

    /// Regression: indices from a lowercased copy were used on the original text and trapped
    /// when lowercasing changed its length ("İ" lowercases to two scalars).
    func testFollowPromptWithCaseChangingLettersDoesNotCrash() throws {
        let m = try meta("# Library to open in spring\n\nFollow İSTANBUL GÜNLÜĞÜ on Twitter")
        XCTAssertEqual(m.title, "Library to open in spring")
    }

    func testNoAuthorIsInventedFromOrdinaryLines() throws {
        XCTAssertNil(try meta("# Library to open in spring after long delay\n\nThe city council agreed.").author)
    }
}

final class LanguageIdentifierTests: XCTestCase {
    private func language(_ text: String) throws -> String? {
        try Cleaner().clean(text).metadata.language
    }

    func testUkrainianIsToldFromRussianByItsLetters() throws {
        XCTAssertEqual(try language("Міська рада ухвалила рішення про відкриття нової бібліотеки, яку їхні мешканці чекали багато років. Її будівництво триватиме два роки."), "uk")
        XCTAssertEqual(try language("Городской совет принял решение об открытии новой библиотеки, которую жители ждали много лет. Её строительство займёт два года."), "ru")
    }

    func testScriptsDecideCJKAndOthers() throws {
        XCTAssertEqual(try language("市议会周二决定，新图书馆将于明年春天开放。居民们对此表示欢迎，但也有人担心预算问题。"), "zh")
        XCTAssertEqual(try language("市議会は火曜日、新しい図書館を来春に開館することを決めた。住民は歓迎しているが、予算を心配する声もある。"), "ja")
        XCTAssertEqual(try language("시의회는 화요일 새 도서관을 내년 봄에 개관하기로 결정했다. 주민들은 환영했지만 예산을 걱정하는 목소리도 있다."), "ko")
    }

    func testContentDecidesOverAnEnglishMenu() throws {
        let page = "Home\n\nNews\n\nSport\n\nDer Stadtrat hat am Dienstag beschlossen, dass die neue Bibliothek im Frühjahr eröffnet wird, nach Jahren der Verzögerung und einer langen Debatte über die Kosten.\n\nDie Anwohner, die sich für das Gebäude eingesetzt hatten, zeigten sich erleichtert, auch wenn einige noch zweifeln."
        XCTAssertEqual(try language(page), "de")
    }
}

final class MetadataHeaderRegionTests: XCTestCase {
    private func block(keep: Bool) -> Block {
        var b = Block(line: 1, text: "x", kind: .paragraph, level: 0, indent: 0, linkBytes: 0, links: 0, urls: 0,
                      emphasized: false, imagesBefore: 0, images: 0, gapBefore: false)
        b.decision = Decision(keep ? .keep : .drop, .score(keep ? 0.9 : 0.1))
        return b
    }

    private func stats(words: Int) -> BlockStats {
        var s = BlockStats()
        s.words = words
        s.endsSentence = true
        return s
    }

    /// Twelve menu descriptions (kept, short), a header, then the article's first paragraph at 15.
    private func page(firstProse: Int) -> ([Block], [BlockStats]) {
        let blocks = (0..<30).map { block(keep: $0 < 12 || $0 >= firstProse) }
        let counts = (0..<30).map { stats(words: $0 >= firstProse ? 40 : 12) }
        return (blocks, counts)
    }

    func testTheHeaderMovesDownToTheFirstSolidParagraphWhenTheRegionStartsInAMenu() {
        let (blocks, stats) = page(firstProse: 15)
        let (region, first) = MetadataExtractor.headerRegion(0..<30, blocks: blocks, stats: stats, gap: 8, lead: 6, proseWords: 20)
        XCTAssertEqual(region, 9..<30)
        XCTAssertEqual(first, 15)
    }

    func testTheHeaderStaysWhenTheFirstSolidParagraphIsNearTheRegionStart() {
        let (blocks, stats) = page(firstProse: 15)
        let (region, first) = MetadataExtractor.headerRegion(10..<30, blocks: blocks, stats: stats, gap: 8, lead: 6, proseWords: 20)
        XCTAssertEqual(region, 10..<30)
        XCTAssertNil(first)
    }

    func testDroppedLongBlocksAreNotTheArticlesFirstParagraph() {
        var (blocks, stats) = page(firstProse: 15)
        blocks[3].decision = Decision(.drop, .score(0.1))
        stats[3].words = 40  // a long promotional banner the classifier dropped
        let (_, first) = MetadataExtractor.headerRegion(0..<30, blocks: blocks, stats: stats, gap: 8, lead: 6, proseWords: 20)
        XCTAssertEqual(first, 15)
    }

    func testCapitalsAreToldOnBytesAndBeyondASCII() {
        XCTAssertTrue(MetadataExtractor.isAllCaps("BREAKING: “CITY VOTES” — 2024"))
        XCTAssertFalse(MetadataExtractor.isAllCaps("Breaking: “City votes”"))
        XCTAssertFalse(MetadataExtractor.isAllCaps("2024 — 12"))
        XCTAssertTrue(MetadataExtractor.isAllCaps("ÉTÉ À PARIS"))
        XCTAssertFalse(MetadataExtractor.isAllCaps("Été à Paris"))
    }
}

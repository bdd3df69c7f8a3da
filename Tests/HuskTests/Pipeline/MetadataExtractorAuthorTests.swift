@testable import Husk
import XCTest

/// Bylines that no rule names: label lines, name-and-role lines, author boxes, menu labels.
final class MetadataExtractorAuthorTests: XCTestCase {
    /// Byline word keys: lowercased, with the marks around a word (. , : ;) trimmed and the
    /// rest kept, in any script.
    func testBylineWordKeysTrimMarksAndLowercase() {
        for (word, key) in [
            ("Editor,", "editor"), ("..Reporter:;", "reporter"), ("Co-Founder", "co-founder"), ("Ph.D.", "ph.d"),
            ("Редактор:", "редактор"), ("Rédacteur.", "rédacteur"), (",.;:", ""), ("", ""), ("«Author»", "«author»"),
        ] {
            XCTAssertEqual(MetadataExtractor.bylineWordKey(Substring(word)), key, word)
        }
    }

    private let body = MetadataFixture.body

    private func meta(_ top: String, _ bottom: String = "") throws -> Metadata {
        try MetadataFixture.meta(top, bottom)
    }

    func testALabelGluedOnTheNameIsCutAtItsCaseChange() throws {
        let extractor = MetadataExtractor(dates: try DateFinder())
        XCTAssertEqual(extractor.authors(from: "Riverton Desk StaffPublish date:May 4, 2021"), ["Riverton Desk Staff"])
        XCTAssertEqual(extractor.authors(from: "Priya RamanPosted:May 4"), ["Priya Raman"])
        XCTAssertEqual(extractor.withoutGluedLabel("Priya MacDonald Updated: May 4"), "Priya MacDonald Updated: May 4")
        XCTAssertEqual(extractor.withoutGluedLabel("Priya McKay"), "Priya McKay")
    }

    func testANameLinePastTheArticlesFirstLongParagraphIsNoByline() throws {
        let intro = Array(repeating: "Moving across town takes planning, patience and a crew you can trust with fragile things.", count: 6)
            .joined(separator: " ")
        let m = try meta("# Best movers in Riverton\n\n" + intro + "\n\n[Harbor Vans](#)")
        XCTAssertNil(m.author, "a listed company under the introduction")
        XCTAssertEqual(try meta("# Library to open in spring after long delay\n\nPriya Raman").author, "Priya Raman")
    }

    func testANameWithItsRoleOnTheLineAboveABioIsTheAuthor() throws {
        // A plain dump joins the card's name and role lines; the card stands below related links.
        let related = (1...8).map { "* [Related story number \($0)](#)" }.joined(separator: "\n\n")
        let below = "Share on Facebook | Twitter | Email\n\n" + related + "\n\n"
        let bio = "Priya explores how small towns fund their libraries. Her reporting has appeared in regional papers.\n\n### 0 Comments"
        let m = try meta("# Library to open in spring", below + "Priya Raman Independent Technology Writer\n\n" + bio)
        XCTAssertEqual(m.author, "Priya Raman")
        let club = try meta("# Library to open in spring", below + "Priya Raman Garden Club Spring Fair\n\n" + bio)
        XCTAssertNil(club.author, "no role word: the line is no author card")
    }

    func testANameOnTheLineAfterABareByLabelIsTheAuthor() throws {
        XCTAssertEqual(try meta("# Library to open in spring\n\nBy\n\n[Lia Moreno](#)\n\nMay 14, 2022").author, "Lia Moreno")
        XCTAssertEqual(try meta("# Library to open in spring", "## Article by\n\nMatias Heikkilä\n\n© 2025 Byte Works").author, "Matias Heikkilä")
    }

    func testANameLineUnderTheHeadlineCountsPastLinesWithoutWords() throws {
        let m = try meta("# Library to open in spring\n\n—\n\nMarch 4, 2025\n\n—\n\nTomas Eriksen")
        XCTAssertEqual(m.author, "Tomas Eriksen")
    }

    func testAnAuthorCardUnderTheHeadlineNamesThePersonNotTheSite() throws {
        let m = try meta("# Library to open in spring\n\n![Marisol Trent](#)\n\nMarisol Trent\n\nDigital Content Producer")
        XCTAssertEqual(m.author, "Marisol Trent")
        XCTAssertNotEqual(m.sitename, "Marisol Trent", "a portrait above its name and role is no logo")
    }

    func testARoleLineUnderTheHeadlineIsNoName() throws {
        let m = try meta("# Library to open in spring\n\nDigital Content Producer")
        XCTAssertNil(m.author)
    }

    func testANameWithItsRoleUnderTheHeadlineGivesTheName() throws {
        let m = try meta("# A Beginner’s Guide to Libraries\n\n[Yara Haddad](#), Print Managing Editor\n\nMarch 3, 2024")
        XCTAssertEqual(m.author, "Yara Haddad")
    }

    func testAPortraitNamesTheAuthorInABoxBelowTheArticle() throws {
        let m = try meta(
            "Menu\n\nSearch\n\nSubscribe\n\n# Library to open in spring",
            "* * *\n\n![Owen Pryce](#)\n\n**Owen Pryce** _Leeds-based Urban Planner & Independent Transport Writer_\n\nOwen explores how towns pay for their public buildings.")
        XCTAssertEqual(m.author, "Owen Pryce")
    }

    func testANameAboveItsBioOutsideTheArticleIsTheAuthor() throws {
        let m = try meta(
            "# Library to open in spring",
            "Share this article\n\nTags: library, council\n\n### Craig McCarthy\n\nCraig McCarthy is the archive manager at the county records office and writes about local history.")
        XCTAssertEqual(m.author, "Craig McCarthy")
        // A product blurb under a product name is no bio.
        let product = try meta(
            "# Library to open in spring",
            "Share this article\n\nTags: library, council\n\n### Shelf Planner Pro\n\nShelf planner tools help librarians plan their rooms, with templates for every size of branch.")
        XCTAssertNil(product.author)
    }

    func testNamesBelowTheCommentSectionAreCommenters() throws {
        let m = try meta("# Library to open in spring", "3 Comments\n\n![Bob Stone](#)\n\nBob Stone says: great news for the town")
        XCTAssertNil(m.author)
    }

    func testMenuLabelsShapedLikeBylinesAreNoAuthors() throws {
        let m = try meta(
            "* [Home](#)\n\nBy Need\n\n* [Remote desktop](#)\n\n# Library to open in spring\n\nWhat residents need to know about the new opening hours.")
        XCTAssertNil(m.author)
        let caps = try meta("# Library to open in spring\n\nCITY NEWS\n\nMarch 3, 2024")
        XCTAssertNil(caps.author, "a line in capitals under the headline is a section label")
    }

    func testALineStartingWithAnImageIsNotJoinedToTheSentenceAbove() throws {
        let doc = try Cleaner().clean(
            "# Bus routes were supposed to help\n\nScheduling made it hard to run the routes the town promised\n\n![Avatar](#) by [Nora Ellison](#) June 9, 2025\n\n"
                + body)
        XCTAssertEqual(doc.metadata.author, "Nora Ellison")
        XCTAssertEqual(doc.metadata.date, "2025-06-09")
    }

    func testADateBesideABylineFarBelowTheTopIsThePublicationDate() throws {
        let menu = (1...30).map { "Menu item \($0)" }.joined(separator: "\n\n")
        let m = try meta(
            "# Library to open in spring",
            menu + "\n\nLibrary to open in spring\n\nBy\n\nLia Moreno\n\nMay 14, 2022\n\n" + body)
        XCTAssertEqual(m.author, "Lia Moreno")
        XCTAssertEqual(m.date, "2022-05-14")
    }

    func testABylineClosingTheArticleNamesTheAuthorButTeaserBylinesBelowDoNot() throws {
        let closing = try meta("# Library to open in spring", "Written by Priya Raman\n\nTags: library, council")
        XCTAssertEqual(closing.author, "Priya Raman")
        let teasers = (1...12).map { "[Related story number \($0)](#)" }.joined(separator: "\n\n")
        let far = try meta("# Library to open in spring", "Related articles\n\n" + teasers + "\n\nBy Priya Raman")
        XCTAssertNil(far.author)
    }

    func testTheAgencyInTheDatelineIsTheAuthorOfAnUnsignedArticle() throws {
        let wire = try Cleaner().clean(
            "# Library to open in spring\n\nMarch 3, 2024\n\n"
                + "LINDHOLM (Nordwire) — The council met on Tuesday and agreed that the new library would open in the spring, after years of delay.\n\n"
                + MetadataFixture.body
        ).metadata
        XCTAssertEqual(wire.author, "Nordwire")
        let extractor = MetadataExtractor(dates: try DateFinder())
        XCTAssertEqual(extractor.agencyCredit("(Nordwire) - The council met."), "Nordwire")
        XCTAssertNil(extractor.agencyCredit("The council (which met on Tuesday) - agreed."), "a parenthesis inside prose is no dateline")
        XCTAssertNil(extractor.agencyCredit("LINDHOLM (see map) — The council met."))
        let signed = try meta("# Library to open in spring\n\nBy Ann Lee", "LINDHOLM (Nordwire) — More to follow.")
        XCTAssertEqual(signed.author, "Ann Lee")
    }

    func testANameGluedToTheDateOrToItsByLabelIsTheAuthor() throws {
        // Renderings that drop the space between two inline elements glue the byline's parts.
        XCTAssertEqual(try meta("# Library to open in spring\n\nDec 17, 2025Priya Raman").author, "Priya Raman")
        XCTAssertEqual(try meta("# Library to open in spring\n\nLast updated March 3, 2025 byPriya Raman.").author, "Priya Raman")
    }

    func testANameLineRightAboveTheDateIsTheAuthor() throws {
        let m = try meta("Menu\n\nPriya Raman\n\n* March 3, 2024\n\nLibrary to open in spring after long delay")
        XCTAssertEqual(m.author, "Priya Raman")
        let label = try meta("Menu\n\nLatest Stories\n\nMarch 3, 2024\n\nLibrary to open in spring after long delay", "The latest stories from the town.")
        XCTAssertNil(label.author, "a label made of the text's own words is no name")
    }

    func testANameAboveABioThatUsesTheFirstNameAndAPronounIsTheAuthor() throws {
        // The author box stands below the article's share line and related links.
        let related = (1...8).map { "* [Related story number \($0)](#)" }.joined(separator: "\n\n")
        let below = "Share on Facebook | Twitter | Email\n\n" + related + "\n\n"
        let bio = try meta(
            "# Library to open in spring",
            below + "##### Priya Raman\n\nPriya is a reporter covering local government. Her work has won two regional awards.\n\n### 0 Comments")
        XCTAssertEqual(bio.author, "Priya Raman")
        let company = try meta(
            "# Library to open in spring",
            below + "##### Acme Software\n\nAcme builds apps for libraries and schools across the region since 2004.\n\n### 0 Comments")
        XCTAssertNil(company.author, "a company's blurb speaks of no person")
    }

    func testANameLineUnderTheHeadlineBeatsAByLabelFarAboveIt() throws {
        let menu = (1...10).map { "* [Topic \($0)](#)" }.joined(separator: "\n")
        let m = try meta("By Field Trip\n\n* [Harbor Tours](#)\n* [Ferry Rides](#)\n\n" + menu + "\n\nLatest\n\nOpinion\n\nRegional\n\n"
            + "Events\n\nWeather\n\nSports\n\nCulture\n\nPodcasts\n\n# Library to open in spring after long delay\n\n[Tomas Eriksen](#)\n\nMarch 4, 2025")
        XCTAssertEqual(m.author, "Tomas Eriksen")
    }

    func testATeasersImageRepeatingItsHeadlineIsNoPortrait() throws {
        let teaser = try meta("# Library to open in spring", "More stories\n\n![Harbor Ferry Service to Resume After Winter Repairs End](#)\n\n### [Harbor Ferry Service to Resume After Winter Repairs End](#)")
        XCTAssertNil(teaser.author)
        let portrait = try meta("# Library to open in spring", "![Photo of Tomas Eriksen](#)\n\nTomas Eriksen writes about the harbor and its ferries.")
        XCTAssertEqual(portrait.author, "Tomas Eriksen")
    }

    func testALowercaseUserNameAloneAfterByIsTheAuthor() throws {
        XCTAssertEqual(try meta("# Library to open in spring after long delay\n\nMarch 4, 2025\n\nby rivertonfan").author, "rivertonfan")
        XCTAssertNil(try meta("# Library to open in spring after long delay\n\nby far the longest wait").author)
    }

    func testACollectiveWordEndingTheBylineStaysInIt() throws {
        XCTAssertEqual(try meta("# Library to open in spring after long delay\n\nBy Riverton Ledger Staff\n\nMarch 4, 2025").author, "Riverton Ledger Staff")
        XCTAssertEqual(try meta("# Library to open in spring after long delay\n\nBy Tomas Eriksen, Staff Writer\n\nMarch 4, 2025").author, "Tomas Eriksen")
        XCTAssertEqual(try meta("# Library to open in spring after long delay\n\nBy Tomas Eriksen Staff Writer\n\nMarch 4, 2025").author, "Tomas Eriksen")
    }

    func testANameBeforeAPublicationLabelIsTheByline() throws {
        let m = try MetadataFixture.meta(
            "# Library to open in spring after long delay\n\n**Riverton** , [Metro Desk Bureau](/byline/metro) | Updated : 3 March 2024, 09:01 AM")
        XCTAssertEqual(m.authors, ["Metro Desk Bureau"])
        XCTAssertEqual(m.date, "2024-03-03")
    }

    func testAWireServicesNameOverTheDateSignsTheArticle() throws {
        XCTAssertTrue(MetadataExtractor.isAgencyName("The Associated Press"))
        XCTAssertTrue(MetadataExtractor.isAgencyName("REUTERS"))
        XCTAssertFalse(MetadataExtractor.isAgencyName("The Associated Press Stylebook"))
        let page = "Snow closes the mountain pass for a week\n\nA plough clears the road near the summit on Sunday. (Photo: Riverton Wire)\n\n"
            + "The Associated Press\n\nPublished Monday, March 4, 2024 8:22AM EST\n\n" + MetadataFixture.body
        let m = try Cleaner().clean(page).metadata
        XCTAssertEqual(m.title, "Snow closes the mountain pass for a week")
        XCTAssertEqual(m.authors, ["The Associated Press"])
    }

    func testAPhraseLabelVouchesForANameInCommonWords() throws {
        // "library" and "council" are the article's own lowercase words: under a bare "By" in a
        // menu such a phrase is a label, under "Written by" it is the author.
        let written = try MetadataFixture.meta("# Library to open in spring after long delay\n\nMarch 3, 2024", "Written by Library Council")
        XCTAssertEqual(written.authors, ["Library Council"])
        let menu = try MetadataFixture.meta("By Library Council\n\n# Library to open in spring after long delay\n\nMarch 3, 2024")
        XCTAssertNotEqual(menu.authors, ["Library Council"])
        let extractor = MetadataExtractor(dates: try DateFinder())
        XCTAssertTrue(extractor.hasPhraseLabel(before: "Library Council", in: "Posted by: Library Council"))
        XCTAssertFalse(extractor.hasPhraseLabel(before: "Library Council", in: "By Library Council"))
    }
}

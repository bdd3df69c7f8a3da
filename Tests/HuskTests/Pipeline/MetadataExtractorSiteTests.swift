@testable import Husk
import XCTest

final class MetadataExtractorSiteTests: XCTestCase {
    private func meta(_ top: String, _ bottom: String = "") throws -> Metadata {
        try MetadataFixture.meta(top, bottom)
    }

    func testPromptsNamingTheBrandBeatAParentCompanysCopyright() throws {
        let m = try meta(
            "# Library to open in spring",
            "Advertise on Riverton Ledger\n\nWhy you can trust Riverton Ledger\n\n© 2024 Northfield Media Holdings, Inc.")
        XCTAssertEqual(m.sitename, "Riverton Ledger")
    }

    func testAPromptGivesTheCapitalisedNameAfterIt() throws {
        let extractor = MetadataExtractor(dates: try DateFinder())
        XCTAssertEqual(extractor.promptedSiteName("Subscribe to Riverton Ledger on YouTube"), "Riverton Ledger")
        XCTAssertEqual(extractor.promptedSiteName("Originally published on Riverton Ledger ."), "Riverton Ledger")
        XCTAssertNil(extractor.promptedSiteName("CONTACT RIVERTON TODAY"), "capitals do not mark the name's end")
        XCTAssertNil(try meta("Switch site\n\nLibrary to open in spring after long delay\n\nMarch 3, 2024").sitename)
        XCTAssertEqual(try meta("# Library to open in spring", "Sign up for Riverton Newsletters\n\nSign up for Riverton Newsletters").sitename, "Riverton")
        XCTAssertNil(extractor.promptedSiteName("Contact Us About Your Project"))
        XCTAssertNil(extractor.promptedSiteName("About the author"))
        XCTAssertNil(extractor.promptedSiteName("Subscribe to This Blog"))
        XCTAssertNil(extractor.promptedSiteName("About Riverton Ledger and the people who make it every single day"))
    }

    func testAMenusWhyQuestionNamesTheCompany() throws {
        let extractor = MetadataExtractor(dates: try DateFinder())
        XCTAssertEqual(extractor.promptedSiteName("Why Harborview Cloud?"), "Harborview Cloud")
        XCTAssertEqual(extractor.promptedSiteName("Why choose Harborview?"), "Harborview")
        XCTAssertNil(extractor.promptedSiteName("Why Choose Us?"))
        XCTAssertNil(extractor.promptedSiteName("Why Subscribe?"))
        XCTAssertNil(extractor.promptedSiteName("Why the library opened late"))
        let m = try meta("* Products\n* Why Harborview?\n* Pricing\n\n# Library to open in spring",
                         "Talk to a Harborview expert\n\nStart with Harborview today")
        XCTAssertEqual(m.sitename, "Harborview")
    }

    func testOnATieTheLogoBeatsTheCopyrightHolder() throws {
        // Two votes each: the logo's alt, and the holder's notice with one more mention.
        let m = try meta("![Harborview Growth](#)\n\n# Library to open in spring", "Alder careers\n\n© 2024 Alder Holdings, Inc.")
        XCTAssertEqual(m.sitename, "Harborview Growth")
    }

    func testAMenuItemRepeatedInTheFooterIsOnePrompt() throws {
        // "Contact Center as a Service" twice (header and footer menus) names no site "Center".
        let menu = "* Products\n* Contact Center as a Service\n* Pricing"
        let m = try meta(
            menu + "\n\n# Library to open in spring",
            "Our contact center team answers every call.\n\n" + menu + "\n\nStart with Harborview today\n\nTalk to Harborview\n\n© 2024 Harborview")
        XCTAssertEqual(m.sitename, "Harborview")
    }

    func testADomainFormAndItsBareNameAreOneCandidate() throws {
        XCTAssertEqual(MetadataExtractor.siteKey("CTVNews.ca"), MetadataExtractor.siteKey("CTV News"))
        // A dot between spaced words is the rendering's, not a domain's: the name is all of it.
        XCTAssertEqual(MetadataExtractor.siteKey("RiverWith . Me"), MetadataExtractor.siteKey("RiverWithMe"))
        XCTAssertNotEqual(MetadataExtractor.siteKey("RiverWith . Me"), MetadataExtractor.siteKey("RiverWith"))
        let m = try meta("# Library to open in spring", "Advertise on Harborview\n\n© 2000-2024 Harborview.com, LLC.")
        XCTAssertEqual(m.sitename, "Harborview.com")
    }

    func testASectionAPromptNamesOnceIsNoSite() throws {
        let m = try meta(
            "# Library to open in spring",
            "Our sales team answers within a day.\n\nContact Sales\n\nSales\n\nSales\n\n© 2024 Acme Widgets")
        XCTAssertEqual(m.sitename, "Acme Widgets")
    }

    func testAQuotationEndingAHeadlineIsNoSiteSuffix() {
        XCTAssertNil(MetadataExtractor.splitSiteSuffix("Library to open in spring – ‘We waited long enough’", known: nil))
        XCTAssertNil(MetadataExtractor.splitSiteSuffix("Library to open in spring - and then some more", known: nil))
        XCTAssertEqual(MetadataExtractor.splitSiteSuffix("Library to open in spring | The Riverton Ledger", known: nil)?.1, "The Riverton Ledger")
    }

    func testACopyrightWordAfterTheSignAndAYearRangeAreNoPartOfTheHolder() throws {
        XCTAssertEqual(try meta("# Library to open in spring", "© Copyright 2011-2024 Harborview Weekly.").sitename, "Harborview Weekly")
        XCTAssertEqual(try meta("# Library to open in spring", "© 2024 Riverton Ledger Media Network").sitename, "Riverton Ledger")
        XCTAssertEqual(try meta("# Library to open in spring", "© 2024 Harborview Digital LLC").sitename, "Harborview")
        XCTAssertEqual(try meta("# Library to open in spring", "Copyright © 2024 Harbor Software Development Corp.").sitename, "Harbor Software")
    }

    func testAJapaneseCopyrightHolderKeepsItsDomainName() throws {
        let page = "# 図書館は春に開館\n\n市議会は火曜日に会合を開き、新しい図書館を春に開館することで合意した。長年の遅れと費用をめぐる長い議論の末のことである。\n\n"
            + "図書館の建設を求めてきた住民は安堵したと語ったが、予算が開館日まで持つかどうかを疑う声もある。\n\n© Copyright 2011-2024 北陸ウィークリー.com."
        XCTAssertEqual(try Cleaner().clean(page).metadata.sitename, "北陸ウィークリー.com")
    }

    func testAFlagsLanguageAndAYearAreNoSiteNames() throws {
        let flag = try meta("![English](#)\n\n# Library to open in spring", "© 2024 Riverton Ledger")
        XCTAssertEqual(flag.sitename, "Riverton Ledger")
        XCTAssertNil(try meta("# Library to open in spring", "Copyright © 2013 - 2024").sitename)
    }

    func testTheTextBesideALogoWithADescriptiveAltIsTheWordmark() throws {
        let m = try meta(
            "Skip to Content\n\nInstagram YouTube Email Signup RSS Feed\n\n"
                + "![The student news site of Riverton South High School](#) The Riverton Ledger\n\n* News\n* Sports\n\n"
                + "# Library to open in spring")
        XCTAssertEqual(m.sitename, "The Riverton Ledger")
        let portrait = try meta("![Photo of Priya Raman at the spring fair in Riverton](#) Priya Raman\n\n# Library to open in spring")
        XCTAssertNil(portrait.sitename, "a portrait's caption is no wordmark")
    }

    func testAnAdvertisementsLabelIsNoLogo() throws {
        for label in ["Реклама", "Anzeige", "Advertisement", "Publicidad"] {
            let m = try meta("![\(label)](#)\n\n# Library to open in spring", "* \(label)")
            XCTAssertNil(m.sitename, label)
        }
    }

    func testTheSitesOwnSentencesGiveItsFullerName() throws {
        let m = try meta(
            "# Library to open in spring",
            "Get Riverton Magazine delivered to your inbox\n\nPhotographs by Ann Lee for Riverton Magazine\n\nRiverton Magazine reads every comment\n\nAbout Riverton\n\nFollow Riverton")
        XCTAssertEqual(m.sitename, "Riverton Magazine")
        let event = try meta(
            "# Library to open in spring",
            "Riverton Spring Series tickets\n\nThe Riverton Spring Series opens in May\n\nRiverton Spring Series Gala\n\nAbout Riverton\n\nFollow Riverton")
        XCTAssertEqual(event.sitename, "Riverton", "an event's longer name is not the site's")
    }

    func testALinkedTopLevelHeadingAtTheTopIsTheMasthead() throws {
        let m = try meta("# [Riverton Ledger](/)\n\n## Library to open in spring after long delay\n\nMarch 3, 2024")
        XCTAssertEqual(m.sitename, "Riverton Ledger")
    }

    func testAPromptNamingTheBylinesAuthorIsNoSiteName() throws {
        let m = try meta(
            "# Library to open in spring after long delay\n\nBy Priya Raman",
            "Follow Priya Raman\n\nAbout Priya Raman\n\nMore from Priya Raman\n\n© 2024 Riverton Ledger")
        XCTAssertEqual(m.sitename, "Riverton Ledger")
    }

    func testAFollowRowOpeningAPlainPageIsNoMasthead() throws {
        // A plain dump puts each follow link on its own line, the row's other controls under it.
        let m = try meta("Skip to content\nInstagram\nYouTube\nEmail Signup\nRSS Feed\n\nRiverton Ledger\n\nLibrary to open in spring after long delay")
        XCTAssertEqual(m.sitename, "Riverton Ledger")
        let rows = try meta("Facebook Twitter\nNewsletter Signup\n\nPinterest\n\nRiverton Ledger\n\nLibrary to open in spring after long delay")
        XCTAssertEqual(rows.sitename, "Riverton Ledger", "two follow rows")
    }

    func testAPlainOpeningLineIsTheMastheadOfAPageWithoutLinks() throws {
        let m = try meta("Skip to content\n\nRiverton Ledger\n\nLibrary to open in spring after long delay\n\nMarch 3, 2024")
        XCTAssertEqual(m.sitename, "Riverton Ledger")
        // After a logo, or when it is a glued menu, the opening line is no masthead.
        XCTAssertNil(try meta("Skip to the story\n\nLibrary to open in spring after long delay").sitename)
        XCTAssertNil(try meta("Thursday,\n\nMarch 7\n\nLibrary to open in spring after long delay").sitename)
        let social = try meta("* Facebook\n* Instagram\n\nSearch\n\nRiverton Ledger\n\nLibrary to open in spring after long delay")
        XCTAssertEqual(social.sitename, "Riverton Ledger", "a social menu and a search box above the masthead")
        let submenu = try meta("* Products\n* Pricing\n\nOutdoors\n\nLibrary to open in spring after long delay\n\nMarch 3, 2024")
        XCTAssertNil(submenu.sitename, "a lone word under a menu labels a submenu")
        let unnamed = try meta("![](#)\n\n![](#)\n\n# Riverton Ledger\n\nFeeds | Archive\n\n## Library to open in spring after long delay")
        XCTAssertEqual(unnamed.sitename, "Riverton Ledger", "an image without alt text is no logo")
        let crumb = try meta("Gardening Tips\n\nHome ›\n\nGardening Tips ›\n\nLibrary to open in spring after long delay")
        XCTAssertNil(crumb.sitename, "a breadcrumb's step is a section")
        let menu = try meta("RivertonHome About Contact\n\nLibrary to open in spring after long delay\n\nMarch 3, 2024")
        XCTAssertNil(menu.sitename)
        let logo = try meta("![Harborview Weekly](#)\n\n#### Sports\n\n# Library to open in spring after long delay", "© 2024 Harborview Weekly")
        XCTAssertEqual(logo.sitename, "Harborview Weekly")
    }

    func testAStopOrAPossessiveEndsTheFullerNameAndALogoLabelIsNoMention() throws {
        let m = try meta(
            "[Riverton Homepage](/)\n\n# Library to open in spring",
            "Ann Lee/Riverton Magazine; map by Bo Chen\n\nRiverton Magazine's editors read every comment\n\n"
                + "Photographs by Ann Lee for Riverton Magazine\n\n[Riverton Homepage](/)\n\n[Riverton Homepage](/)\n\nAbout Riverton\n\nFollow Riverton")
        XCTAssertEqual(m.sitename, "Riverton Magazine")
        XCTAssertEqual(MetadataExtractor.withoutPhraseEnd("Magazine’s"), "Magazine")
        XCTAssertEqual(MetadataExtractor.withoutPhraseEnd("Magazine;"), "Magazine")
    }

    func testTheCopyrightHolderEndsAtAFooterSeparatorAndStaysTheAuthorOfAPersonalSite() throws {
        let m = try meta("# Library to open in spring after long delay\n\nPriya Raman\n\nMarch 3, 2024", "© 2024 Priya Raman · Privacy ∙ Terms ∙ Collection notice")
        XCTAssertEqual(m.sitename, "Priya Raman")
        XCTAssertEqual(m.author, "Priya Raman")
        XCTAssertEqual(try meta("# Library to open in spring", "© 2024 Harborview Weekly • Privacy • Cookie settings").sitename, "Harborview Weekly")
    }

    func testFooterCreditsRegistrationNumbersAndSlugsAreNoPartOfASiteName() throws {
        XCTAssertEqual(try meta("# Library to open in spring", "© 2024, Harborview Weekly 沪ICP备20481234号").sitename, "Harborview Weekly")
        XCTAssertEqual(try meta("# Library to open in spring", "© 2019 by Riverton Ledger").sitename, "Riverton Ledger")
        XCTAssertNil(try meta("# Library to open in spring", "© 2024 • Slate Theme by Pixelworks • Log in").sitename)
        XCTAssertTrue(MetadataExtractor.looksLikeFileName("logo-white"))
        XCTAssertFalse(MetadataExtractor.looksLikeFileName("Coca-Cola"))
        let prompts = try meta("# Library to open in spring", "About Show submenu for About\n\nAbout Show submenu for About\n\nContact Sales\n\nContact Sales")
        XCTAssertNil(prompts.sitename, "menu controls and departments are no site")
    }

    func testADomainFormOfTheFullerNameConfirmsIt() throws {
        let m = try meta(
            "# Library to open in spring",
            "Riverton Ledger on the go\n\nRiverton Ledger North\n\nRiverton Ledger South\n\nRiverton Ledger East\n\n"
                + "Advertise on RivertonLedger.com\n\nAbout Riverton\n\nAbout Riverton\n\nFollow Riverton")
        XCTAssertEqual(m.sitename, "Riverton Ledger")
    }

    func testTheAuthorsOwnMentionsDoNotMakeTheirCopyrightTheSiteOverTheLogo() throws {
        let m = try meta(
            "![Harbor Jam Kitchen](#)\n\n# Library to open in spring\n\nBy Priya Raman",
            "Priya Raman\n\nPriya Raman writes about the harbor town.\n\nPriya Raman replied\n\nPriya Raman replied\n\n© Priya Raman")
        XCTAssertEqual(m.sitename, "Harbor Jam Kitchen")
        XCTAssertEqual(m.author, "Priya Raman")
    }

    func testATableOfContentsLabelOpeningThePageIsNoSite() throws {
        XCTAssertNil(try meta("Page Contents\n\nLibrary to open in spring after long delay\n\nMarch 3, 2024").sitename)
        XCTAssertEqual(try meta("Riverton Ledger\n\nLibrary to open in spring after long delay\n\nMarch 3, 2024").sitename, "Riverton Ledger")
    }
}

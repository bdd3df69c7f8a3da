import ArgumentParser
import Foundation
import Husk

/// `husk`: strip boilerplate from web text.
@main
struct HuskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "husk",
        abstract: "Strip boilerplate from raw web text and keep the article, with its metadata.",
        discussion: """
            Reads text scraped from web pages (html2text-style markdown, browser copies, plain-text \
            dumps) and writes the article alone: clean paragraphs under Key: value headers (title, \
            author, date, site, language). Drops menus, share and subscribe prompts, captions, cookie \
            banners, related links, comments and legal footers, and explains every line it drops.

            EXAMPLES:
              husk < page.txt > clean.txt
              husk --format json page.txt
              husk --explain page.txt | less
              husk --rules my.rules --favor precision pages/*.txt
              husk rules check my.rules

            EXIT STATUS:
              0  every input was cleaned
              1  some input failed (unreadable, binary); the others were still cleaned
              2  usage error or invalid rules file; no input was read
            """,
        version: huskVersion,
        subcommands: [CleanCommand.self, RulesCommand.self, FeaturesCommand.self],
        defaultSubcommand: CleanCommand.self
    )

    static func main() {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                exit(withError: error)
            }
            Messages.write(fullMessage(for: error) + "\n")
            Foundation.exit(Messages.usage)
        }
    }
}

let huskVersion = "0.1.0"

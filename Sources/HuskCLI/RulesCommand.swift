import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import Husk

/// `husk rules`: work with rules files.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        _superCommandName: "husk",
        abstract: "Check rules files or list the built-in rules.",
        subcommands: [Check.self, List.self])

    /// `husk rules check FILE...`: every problem as FILE:LINE:COL: message; exit 2 if any.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate rules files: syntax, ids, actions, patterns and each rule's examples.")

        @Argument(help: ArgumentHelp("Rules files to check.", valueName: "FILE"))
        var files: [String]

        func run() throws {
            var bad = false
            for path in files {
                guard let data = FileManager.default.contents(atPath: path) else {
                    Messages.error("\(path): cannot read rules file")
                    bad = true
                    continue
                }
                do {
                    let set = try RuleSet(files: [(path, String(decoding: data, as: UTF8.self))])
                    print("\(path): \(set.rules.count) rules OK")
                } catch {
                    if case .invalidRules(let diagnostics) = error {
                        for d in diagnostics { Messages.write(d.description + "\n") }
                    } else {
                        Messages.error("\(path): \(error.description)")
                    }
                    bad = true
                }
            }
            if bad { throw ExitCode(Messages.usage) }
        }
    }

    /// `husk rules list`: the built-in rules, one per line.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the built-in rules (id, category, action, languages).")

        func run() throws {
            let set: RuleSet
            do {
                set = try RuleSet.defaults()
            } catch {
                Messages.error(error.description)
                throw ExitCode(Messages.usage)
            }
            for rule in set.rules {
                let langs = rule.languages.isEmpty ? "*" : rule.languages.joined(separator: ",")
                print("\(rule.id)\t\(rule.category)\t\(rule.actionName)\t\(langs)")
            }
        }
    }
}

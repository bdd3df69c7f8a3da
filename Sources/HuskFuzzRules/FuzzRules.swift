import Husk
import HuskFuzzSupport

// libFuzzer target for the rules parser (`tools/fuzz/run rules`).
//
// Each input is read as one rules file (UTF-8, invalid sequences replaced) and parsed with its
// examples checked, which runs every user pattern through ICU under its time and stack limits.
// `invalidRules` is the expected answer for most inputs. When the file parses, a cleaner with
// only those rules cleans a short fixed page, so the user patterns, keywords, scopes and
// actions run in the pipeline too. Traps, sanitizer reports and inputs slower than the
// script's -timeout are findings.
//
// Built by tools/fuzz/run (-DHUSK_FUZZ, AddressSanitizer, libFuzzer coverage), it runs libFuzzer;
// a plain build makes a replayer of files instead (see the end of this file).

/// A short page with the shapes rules look at: title, byline, date, nav, share prompts,
/// prose, a list, a quote, a heading, a table row, cookie and newsletter trailers.
private let page: [UInt8] = Array("""
    # Rivers of the North: a field guide
    By Ada Lovelace and Grace Hopper | Published March 3, 2021 | Updated 2021-04-05
    Home > Travel > Rivers
    Share this article: Twitter Facebook Email

    The northern rivers run fast in spring, when the snow melts in the hills and the water \
    carries silt down to the plains. Fishermen wait for the ice to break before they set out, \
    and the towns along the banks hold markets on the first warm weekend of the year.

    - Pack layers: mornings are cold.
    - Bring a map; phones lose signal in the valleys.

    > "The river is never the same twice," said one guide.

    ## Where to stay
    | Town | Beds | Price |
    Small guest houses line the water, and most serve breakfast from six.

    Photo: J. Smith / Agency. Tags: rivers, travel, north
    Subscribe to our newsletter for weekly stories. We use cookies to improve your experience. Accept all
    © 2021 Northern Press. All rights reserved. Related: Ten lakes to see before you die
    """.utf8)

/// The smallest valid `.gbt` model: one tree, one leaf.
private let oneLeafModel = "husk-gbt 1\nfeatures chars_log\nbias 0\ntree\nl 0.5\nend\n"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let contents = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let rules: RuleSet
    do throws(HuskError) {
        rules = try RuleSet(files: [(name: "fuzz.rules", contents: contents)], checkExamples: true)
    } catch {
        guard case .invalidRules(let diagnostics) = error else {
            fatalError("HuskFuzzRules: RuleSet threw something other than invalidRules: \(error)")
        }
        // Diagnostics are printed to users: rendering them must not trap.
        for diagnostic in diagnostics { _ = diagnostic.description }
        return 0
    }
    _ = rules.rules.count

    var options = CleanerOptions()
    options.useDefaultRules = false
    options.extraRules = [(name: "fuzz.rules", contents: contents)]
    // A one-leaf classifier: parsing the real 140 KB model took half of each run, and here
    // the rules, not the classifier, are under test (every block the rules leave is kept).
    options.modelText = oneLeafModel
    let cleaner: Cleaner
    do throws(HuskError) {
        cleaner = try Cleaner(options: options)
    } catch {
        // The same file just parsed on its own; the cleaner may not reject it.
        fatalError("HuskFuzzRules: rules parsed by RuleSet but rejected by Cleaner: \(error)")
    }
    do throws(HuskError) {
        let document = try page.withUnsafeBufferPointer { buffer throws(HuskError) in
            try cleaner.clean(bytes: buffer)
        }
        for format in OutputFormat.allCases { _ = format.writer.render(document) }
    } catch {
        fatalError("HuskFuzzRules: cleaning the fixed page failed: \(error)")
    }
    return 0
}

#if HUSK_FUZZ
@_cdecl("HuskFuzzRules_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        var empty: UInt8 = 0
        guard let data else { return withUnsafePointer(to: &empty) { fuzz($0, 0) } }
        return fuzz(data, size)
    }
}
#else
// Without libFuzzer (a plain `swift build`, which builds every target), the executable replays
// the files given as arguments: `swift run HuskFuzzRules FILE...`.
@main
enum Replay {
    static func main() { replayFiles(fuzz) }
}
#endif

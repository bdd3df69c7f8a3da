/// Copyright lines: the holder they name, without years, clauses and legal form; and the
/// notices glued to the end of a footer paragraph, which the line rule does not read.
extension MetadataExtractor {
    /// A legal-form suffix ("Pty Ltd") as lowercased words, also without dots and commas.
    typealias LegalSuffix = (parts: [String], bare: [String])

    /// `text` without leading and trailing dots and commas.
    static func withoutDotsAndCommas(_ text: String) -> String {
        let trimmed = text.drop { $0 == "." || $0 == "," }
        var end = trimmed.endIndex
        while end > trimmed.startIndex, case let c = trimmed[trimmed.index(before: end)], c == "." || c == "," {
            end = trimmed.index(before: end)
        }
        return String(trimmed[..<end])
    }

    /// Separators after which a footer line goes on with links or clauses ("Acme · Privacy ∙ Terms").
    static let footerSeparators = [" · ", " ∙ ", " • ", " | ", " — ", " – ", " - ", ". "]
    /// The marks of `footerSeparators` that never start a name.
    static let footerSeparatorMarks: Set<Character> = ["·", "∙", "•", "|"]

    /// `text` up to its first footer separator: the holder of "© 2024 Acme · Privacy ∙ Terms".
    static func beforeSeparator(_ text: String) -> String {
        var out = text
        for cut in footerSeparators {
            // A byte search, which finds what the character search finds when ASCII sits on
            // both sides of the match (no mark can join it there); otherwise Swift's search.
            guard let k = out.firstByteOffset(of: cut) else { continue }
            let end = k + cut.utf8.count
            let before: String? = out.withBytes { b in
                guard (k == 0 || b[k - 1] < 0x80) && (end == b.count || b[end] < 0x80) else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: b[..<k]), as: UTF8.self)
            }
            if let before {
                out = before
            } else if let r = out.firstRange(of: cut) {
                out = String(out[..<r.lowerBound])
            }
        }
        return out
    }

    /// A copyright holder without year, trailing clauses and legal form.
    static func stripLegalForm(_ name: String, suffixes: [LegalSuffix]) -> String {
        var out = name
        out = beforeSeparator(out)
        var words = out.split(separator: " ").map(String.init)
        // "© Copyright 2024 Acme": the copyright words and years before the holder's name.
        // "© 2019 by Acme Publishing": the "by" too.
        while let first = words.first, words.count > 1,
            ["copyright", "©", "(c)", "by"].contains(first.lowercased()) || (first.count == 4 && first.allSatisfy(\.isNumber))
        {
            words.removeFirst()
        }
        while let last = words.last, last.count == 4, last.allSatisfy(\.isNumber) { words.removeLast() }
        // Suffix words are compared lowercased, and again without dots and commas ("Inc." and "Inc").
        var lowered = words.map { $0.lowercased() }
        var bare = lowered.map(Self.withoutDotsAndCommas)
        var changed = true
        while changed && words.count > 1 {
            changed = false
            for suffix in suffixes where suffix.parts.count < words.count {
                let n = suffix.parts.count
                if lowered.suffix(n).elementsEqual(suffix.parts) || bare.suffix(n).elementsEqual(suffix.bare) {
                    words.removeLast(n)
                    lowered.removeLast(n)
                    bare.removeLast(n)
                    changed = true
                    break
                }
            }
        }
        // "Dow Jones & Company, Inc." loses its legal form, and then its dangling join.
        while let last = words.last, words.count > 1, last == "&" || last == "+" || last.lowercased() == "and" { words.removeLast() }
        return cleanName(words.joined(separator: " "))
    }

    /// The holders named by copyright notices the line rule does not read, in the page's last
    /// `copyrightTailReach` blocks: a sign after a sentence's end ("…by linking to affiliated
    /// sites. ©Acme Review 2011-2019"), and a holder before the sign when only the year
    /// follows it ("Acme Review © 2025").
    ///
    /// Footers glue the notice to a disclosure or an address, or put the name first; the
    /// copyright rule reads a line that starts with the notice. A sign starting its block is the
    /// rule's.
    func trailingCopyrightHolders(_ blocks: [Block]) -> [String] {
        var found: [String] = []
        for i in blocks.indices.suffix(copyrightTailReach) where blocks[i].text.utf8.count <= maxCopyrightTailBytes {
            let text = blocks[i].text
            // A byte test first: "©" is C2 A9.
            guard text.utf8.contains(0xA9), let sign = text.lastIndex(of: "©"), let before = text[..<sign].last(where: { $0 != " " })
            else { continue }
            let after = text[text.index(after: sign)...]
            var holder = ""
            if ".!?".contains(before) {
                holder = Self.withoutYearRanges(Self.stripLegalForm(String(after), suffixes: companySuffixes))
            } else if case let years = after.split(separator: " "), !years.isEmpty, years.allSatisfy({ Self.isYearOrRange(Self.withoutPhraseEnd($0)) }) {
                // "Acme Review Copyright © 2025": the word before the sign is no part of the name.
                var name = text[..<sign].split(separator: " ")
                while let last = name.last, ["copyright", "(c)"].contains(last.lowercased()) { name.removeLast() }
                // Only a name stands before the sign: a caption or a credit ("Photo by Jane
                // Doe © 2025") is no notice of the site's.
                let before = Self.stripLegalForm(name.joined(separator: " "), suffixes: companySuffixes)
                if before.split(separator: " ").count <= Self.maxBrandLineWords, !before.contains(":"), Self.looksLikeName(before),
                    !isPortraitAlt(before)
                {
                    holder = before
                }
            }
            if !holder.isEmpty { found.append(holder) }
        }
        return found
    }

    /// `name` without the years and year ranges ending it ("Acme Review 2011-2019" → "Acme
    /// Review"); other numbers stay ("Studio 54").
    static func withoutYearRanges(_ name: String) -> String {
        var words = name.split(separator: " ")
        while let last = words.last, words.count > 1, isYearOrRange(last) { words.removeLast() }
        return cleanName(words.joined(separator: " "))
    }

    /// "2019", "2011-2019", "2011–19": four digits, then maybe a dash and two to four more.
    static func isYearOrRange(_ word: Substring) -> Bool {
        let parts = word.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "–" })
        guard parts.count <= 2, parts[0].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return false }
        return parts.count == 1 || (2...4).contains(parts[1].count)
    }
}

/// Site names read from the page's own wording: its chrome's prompts, and its mentions of the chosen name.
extension MetadataExtractor {
    /// The name a short chrome prompt gives the site ("About Acme News", "Advertise on Acme",
    /// "Subscribe to Acme on YouTube"): the capitalised words after a prompt of
    /// `Rules/metadata/sitename-prompts.txt`, up to the line's end or a lowercase word.
    ///
    /// Pages name their own brand in these prompts, not their parent company, which is often
    /// the only name the copyright line gives ("© Hearst Communications" on a city paper).
    func promptedSiteName(_ text: String) -> String? {
        // Bytes first: most short lines start with no prompt's first word.
        guard text.utf8.count <= maxPromptBytes, let first = text.utf8.first, sitenamePromptInitials.contains(first | 0x20),
            Self.startsWithAnyWord(text, sitenamePromptHeads)
        else { return nil }
        // "Originally published on Acme ." (emphasis markup left the stop apart).
        // "Why Acme?": a menu's question ends the name.
        let words = Self.cleanName(text.hasSuffix("?") ? String(text.dropLast()) : text).split(separator: " ")
        let lower = words.map { $0.lowercased() }
        for prompt in sitenamePrompts where prompt.count < lower.count && lower.starts(with: prompt) {
            var name: [Substring] = []
            for word in words[prompt.count...] {
                guard let initial = word.first, initial.isUppercase || initial.isNumber
                else { break }
                name.append(word)
            }
            // Up to four words, and nothing after them but a lowercase tail ("on YouTube").
            // "Contact Us About Your Project", "Subscribe to Our Newsletter": not a name.
            guard !name.isEmpty, name.count <= 4, !sitenameNoise.never.contains(name[0].lowercased()) else { return nil }
            // In a line all in capitals no case marks where the name ends ("CONTACT ACME TODAY").
            if name.count > 1, Self.isAllCaps(text) { return nil }
            let rest = words.dropFirst(prompt.count + name.count)
            guard rest.isEmpty || rest.first?.first?.isLowercase == true && rest.count <= 3 else { return nil }
            return Self.cleanName(name.joined(separator: " "))
        }
        return nil
    }

    /// Whether `text` starts with one of the lowercase ASCII words `heads`, in any case, then a space.
    static func startsWithAnyWord(_ text: String, _ heads: [[UInt8]]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first else { return false }
            return heads.contains { head in
                guard head.first == first | 0x20, bytes.count > head.count, bytes[head.count] == 0x20 else { return false }
                return head.indices.allSatisfy { bytes[$0] | 0x20 == head[$0] }
            }
        }
    }

    /// The chosen name's fuller form: when most of the page's mentions of it (in `blocks`, the
    /// short blocks that name it) go on with the same
    /// capitalised word, ending the phrase ("Get Acme Magazine delivered", "for Acme Magazine"), the
    /// site's name is both words. A legal form or a noise word is no part of a name ("Acme Inc.").
    ///
    /// Prompts and logos give a site's short name; the page's own sentences give its full one.
    /// A stop or a possessive may end the phrase; a logo's label ("Acme Homepage") is the logo
    /// the votes already counted, not a mention.
    ///
    /// Another candidate that is the fuller name's domain form ("AcmeNews.com" for "Acme" and
    /// "News") confirms a word that any mention gives: the page named the site both ways.
    func fullerSiteName(_ name: String, blocks: [Block], candidates: Set<String> = []) -> String {
        var total = 0
        var next: [Substring: Int] = [:]
        // A byte search first: few blocks hold the name at all.
        // By index: `for block in blocks` copies every block (a retain per field).
        for i in blocks.indices where blocks[i].text.containsBytes(name) {
            var rest = blocks[i].text[...]
            while let range = rest.firstRange(of: name) {
                let after = rest[range.upperBound...]
                rest = after
                let words = after.dropFirst().split(separator: " ", maxSplits: 2)
                if after.first == " ", let label = words.first, Self.brandWords.contains(label.lowercased()) { continue }
                total += 1
                // The word must end the phrase: "Acme Theater Spring Series" is an event's name.
                // A stop, a comma or a possessive after the word ends the phrase too ("Photo:
                // Ann Lee/Acme Magazine; sources…", "Acme Magazine's readers").
                guard after.first == " ", let raw = words.first else { continue }
                let word = Self.withoutPhraseEnd(raw)
                guard word.first?.isUppercase == true, word.allSatisfy(\.isLetter),
                    word.count == raw.count && words.count >= 2 ? words[1].first?.isUppercase != true : true
                else { continue }
                next[word, default: 0] += 1
            }
        }
        guard let (word, count) = next.max(by: { $0.value < $1.value || $0.value == $1.value && $0.key > $1.key }),
            count >= minExtensionMentions && count * 2 > total || candidates.contains(Self.siteKey(name + " " + word)), !isBylineNoise(word),
            !sitenameNoise.never.contains(word.lowercased()), !companySuffixes.contains(where: { $0.parts == [word.lowercased()] })
        else { return name }
        return name + " " + word
    }

    /// A word without the punctuation or possessive that ends a phrase after it ("Magazine;",
    /// "Magazine's" → "Magazine").
    static func withoutPhraseEnd(_ word: Substring) -> Substring {
        var w = word
        for possessive in ["'s", "’s"] where w.hasSuffix(possessive) { w = w.dropLast(possessive.count) }
        while let last = w.last, ",;:.!?)".contains(last) { w = w.dropLast() }
        return w
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byline words, author lists, word-list files and name cleaning: the vocabulary the
/// metadata readers share.
extension MetadataExtractor {
    /// Whether a byline word is a role, a date word or a label (`Rules/metadata/byline-noise.txt`),
    /// ignoring case and the punctuation around it ("Editor,", "Jan.").
    func isBylineNoise(_ word: Substring) -> Bool {
        bylineNoise.contains(Self.bylineWordKey(word))
    }

    /// Whether a word is a job title or role word ("Producer,", "Sr.").
    func isRoleWord(_ word: Substring) -> Bool {
        roleWords.contains(Self.bylineWordKey(word))
    }

    /// A byline word as the word lists hold it: lowercased, without the punctuation around it.
    static func bylineWordKey(_ word: Substring) -> String {
        // The marks are ASCII: trimmed on bytes, and the rest copied once (title voting asks
        // this for every word of every candidate line; rebuilding the word scalar by scalar
        // cost more than the rest of the vote).
        let bytes = word.utf8
        func isMark(_ b: UInt8) -> Bool { b == 0x2E || b == 0x2C || b == 0x3A || b == 0x3B }
        var lo = bytes.startIndex
        var hi = bytes.endIndex
        while lo < hi, isMark(bytes[lo]) { lo = bytes.index(after: lo) }
        while hi > lo, isMark(bytes[bytes.index(before: hi)]) { hi = bytes.index(before: hi) }
        return String(word[lo..<hi]).lowercasedFast
    }

    /// "Jane DoePublished:May 4" → "Jane Doe": the next field's label glued on the name's last
    /// word, as plain dumps join adjacent fields. Only a case change starting a byline-noise
    /// word ("Published", or its stem "Publish") within two words before a colon is cut, so a
    /// name's own case change ("Jane MacDonald") stays.
    func withoutGluedLabel(_ raw: String) -> String {
        guard let colon = raw.firstIndex(of: ":") else { return raw }
        let words = raw[..<colon].split(separator: " ")
        for k in words.indices.suffix(2).reversed() {
            let word = words[k]
            var previous: Character? = nil
            for i in word.indices {
                defer { previous = word[i] }
                guard let p = previous, p.isLowercase, word[i].isUppercase else { continue }
                let key = Self.bylineWordKey(word[i...])
                guard key.count >= minGluedLabelLetters,
                    bylineNoise.contains(key) || bylineNoise.contains(where: { $0.hasPrefix(key) })
                else { continue }
                return (words[..<k] + [word[..<i]]).joined(separator: " ")
            }
        }
        return raw
    }

    /// Names from a byline: roles, emails and dates removed, joins split.
    func authors(from raw: String) -> [String] {
        var text = withoutGluedLabel(raw)
        for cut in [" | ", " - ", " — ", " – ", "\u{00B7}", " @", "@", " / ", "(", "\u{2022}"] {
            if let r = text.firstRange(of: cut) { text = String(text[..<r.lowerBound]) }
        }
        var names: [String] = []
        let separators = [
            " and ", " & ", ", ", " und ", " et ", " y ", " e ", " og ", " och ", " en ", " и ", " i ", " a ", " és ",
            " și ", " ve ", " ja ", " và ", " dan ", " και ", "、", "，", " і ",
        ]
        var parts = [text]
        for sep in separators {
            parts = parts.flatMap { $0.splitting(on: sep) }
        }
        for part in parts {
            // After a name, a part with a role word past its first word is that person's title
            // ("Jane Doe, Sr. Director of Operations, Acme"); what follows is their affiliation.
            // (A first word may be a noise word and still a name: "Jan Novak".)
            if !names.isEmpty, part.split(separator: " ").dropFirst().contains(where: isBylineNoise) {
                break
            }
            var words: [Substring] = []
            let partWords = part.split(separator: " ")
            for (k, word) in partWords.enumerated() {
                // A collective word ending the byline is the group's name ("Acme News Staff").
                if !words.isEmpty, k == partWords.count - 1, collectiveBylineWords.contains(Self.bylineWordKey(word)) {
                    words.append(word)
                    break
                }
                // A noise word ends the name, but never as its first word ("Jan Kratochvíl", "June Lee").
                if (!words.isEmpty && isBylineNoise(word)) || word.contains(where: \.isNumber) { break }
                words.append(word)
            }
            // A part made of role words only ("Staff Writer") is no name.
            if words.allSatisfy(isBylineNoise) {
                continue
            }
            // "Sean Martin Sean Martin": a name printed twice (link text plus label).
            if words.count >= 4 && words.count % 2 == 0 && Array(words[..<(words.count / 2)]) == Array(words[(words.count / 2)...]) {
                words.removeLast(words.count / 2)
            }
            let name = Self.cleanName(words.joined(separator: " "))
            guard !name.isEmpty, words.count <= 5, !name.contains("@") else { continue }
            if !names.contains(name) { names.append(name) }
            if names.count == 1 && words.count < part.split(separator: " ").count { break }
        }
        return names
    }

    /// `pt-BR` → `pt`.
    static func baseLanguage(_ code: String) -> String {
        String(code.prefix { $0 != "-" && $0 != "_" })
    }

    static func loadList(_ name: String) -> [String] {
        (EmbeddedRules.files[name] ?? "").split(separator: "\n")
            .map { $0.trimmingSpaces }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    static func loadSitenameNoise() -> (cut: [String], never: Set<String>, person: [String]) {
        var cut: [String] = []
        var never = Set<String>()
        var person: [String] = []
        for line in loadList("metadata/sitename-noise.txt") {
            if line.hasPrefix("cut ") { cut.append(String(line.dropFirst(4))) }
            if line.hasPrefix("never ") { never.insert(String(line.dropFirst(6))) }
            if line.hasPrefix("person ") { person.append(String(line.dropFirst(7))) }
        }
        return (cut, never, person)
    }

    /// Legal forms, longest first, split and lowercased once (they are tried against every copyright holder).
    static func loadSuffixes() -> [LegalSuffix] {
        // Each line split once: splitting inside the sort's comparisons cost 3.5 million
        // instructions at every start-up. Same comparisons, so the same order.
        (EmbeddedRules.files["metadata/company-suffixes.txt"] ?? "").split(separator: "\n")
            .map { $0.trimmingSpaces }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { line in line.split(separator: " ").map { $0.lowercased() } }
            .sorted { $0.count > $1.count }
            .map { parts in (parts, parts.map(withoutDotsAndCommas)) }
    }

    static func cleanName(_ raw: String) -> String {
        var s = raw.trimmingSpaces
        while let last = s.last, nameTrailingMarks.contains(last) { s.removeLast() }
        while let first = s.first, nameLeadingMarks.contains(first) { s.removeFirst() }
        return s
    }

    /// What `cleanName` trims from a name's end and start: as sets, not strings searched
    /// character by character for every name voted on.
    static let nameTrailingMarks: Set<Character> = Set(".,;:|-–—«»\"“”„'·•™® ")
    static let nameLeadingMarks: Set<Character> = Set(".,;:|-–—«»\"“”„'·• ")
}

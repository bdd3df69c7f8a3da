/// Site names read from the prompts of a page's chrome.
extension MetadataExtractor {
    /// The name a short chrome prompt gives the site ("About Acme News", "Advertise on Acme",
    /// "Subscribe to Acme on YouTube"): the capitalised words after a prompt of
    /// `Rules/metadata/sitename-prompts.txt`, up to the line's end or a lowercase word.
    ///
    /// Pages name their own brand in these prompts, not their parent company, which is often
    /// the only name the copyright line gives ("© Hearst Communications" on a city paper).
    func promptedSiteName(_ text: String) -> String? {
        guard text.utf8.count <= maxPromptBytes, let first = text.utf8.first, first | 0x20 >= 0x61, first | 0x20 <= 0x7A
        else { return nil }
        // "Originally published on Acme ." (emphasis markup left the stop apart).
        let words = Self.cleanName(text).split(separator: " ")
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
            let rest = words.dropFirst(prompt.count + name.count)
            guard rest.isEmpty || rest.first?.first?.isLowercase == true && rest.count <= 3 else { return nil }
            return Self.cleanName(name.joined(separator: " "))
        }
        return nil
    }
}

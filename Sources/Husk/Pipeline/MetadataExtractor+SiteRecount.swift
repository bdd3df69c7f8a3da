/// The site name checked against the byline read after it.
extension MetadataExtractor {
    /// Counts the site-name votes again when the chosen name turns out to be the author's.
    ///
    /// The site is chosen before the name lines under the headline are read (a brand must not
    /// pass for a byline), so the author's many mentions (byline, bio, comment replies) were
    /// counted for the copyright holder of a personal site. Known as the author now, the name
    /// gets no mention bonus and loses a tie to the masthead; alone, it stays the site's name.
    func recountSiteAfterByline(_ result: inout Result, blocks: [Block], stats: [BlockStats], vocabulary: ProseVocabulary, datelines: Set<Int>) {
        guard let site = result.metadata.sitename, !result.metadata.authors.isEmpty,
            result.metadata.authors.contains(where: { Self.siteKey($0) == Self.siteKey(site) })
        else { return }
        var again = result
        chooseSitename(&again, blocks: blocks, stats: stats, vocabulary: vocabulary, datelines: datelines)
        // An empty recount keeps the first choice: the author's name is then all the page gives.
        if again.metadata.sitename != nil {
            result.metadata.sitename = again.metadata.sitename
            result.provenance["sitename"] = again.provenance["sitename"]
        }
    }
}

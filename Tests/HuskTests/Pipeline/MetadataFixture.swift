@testable import Husk

/// The article the metadata tests put their headers above and their trailers below.
enum MetadataFixture {
    static let body = """
        The council met on Tuesday and agreed that the new library would open in the spring, after years of delay and a long debate about its cost.

        Residents who had campaigned for the building said they were relieved, though some still doubt that the budget will hold until the opening day.
        """

    static func meta(_ top: String, _ bottom: String = "") throws -> Metadata {
        try Cleaner().clean(top + "\n\n" + body + "\n\n" + bottom).metadata
    }
}

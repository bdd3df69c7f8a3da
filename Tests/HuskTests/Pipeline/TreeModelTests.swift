@testable import Husk
import XCTest

final class TreeModelTests: XCTestCase {
    let names = ["a", "b"]

    func testTreesAreWalkedAndSummedIntoAProbability() throws {
        let text = "husk-gbt 1\nfeatures b a\nbias 0.5\ntree\nn 0 1.5 1 2\nl -1\nl 2\nend\n"
        let model = try TreeModel(text: text, featureNames: names)
        // feature 0 of the model is "b" (index 1 in names).
        XCTAssertEqual(model.probability([9, 1]), 1 / (1 + exp(0.5)), accuracy: 1e-9)
        XCTAssertEqual(model.probability([0, 2]), 1 / (1 + exp(-2.5)), accuracy: 1e-9)
    }

    func testUnknownFeatureIsAnError() {
        XCTAssertThrowsError(try TreeModel(text: "husk-gbt 1\nfeatures zzz\ntree\nl 0\nend\n", featureNames: names))
    }

    func testEmbeddedModelMatchesTheFeatureSet() throws {
        let text = try XCTUnwrap(EmbeddedRules.files["model/blocks.gbt"])
        XCTAssertNoThrow(try TreeModel(text: text, featureNames: ContextFeatures.names))
    }
}

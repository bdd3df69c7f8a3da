import Foundation
import ICUKit
public enum Placeholder { public static func f() -> Int { (try? WordBreaker()) == nil ? 0 : Data().count } }

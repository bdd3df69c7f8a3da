/// A reader of the ICU regex subset that rule patterns open with (see `PatternStart`).
struct PatternStartReader {
    let units: [Unicode.Scalar]
    var position: Int
    /// Set on anything the reader does not follow; the caller then admits every start.
    var failed = false

    init(units: [Unicode.Scalar], position: Int) {
        self.units = units
        self.position = position
    }

    private var atEnd: Bool { position >= units.count }
    private func peek(_ k: Int = 0) -> Unicode.Scalar? { position + k < units.count ? units[position + k] : nil }

    /// Alternatives up to a closing `)` or the end: the union of their start sets.
    mutating func alternation() -> (PatternStart, Bool) {
        var set = PatternStart()
        var nullable = false
        while true {
            let (s, n) = sequence()
            set.formUnion(s)
            nullable = nullable || n
            guard peek() == "|" else { return (set, nullable) }
            position += 1
        }
    }

    /// Items in a row: each adds its starts while all before it can match empty.
    mutating func sequence() -> (PatternStart, Bool) {
        var set = PatternStart()
        var nullable = true
        while let c = peek(), c != "|", c != ")" {
            let (s, n) = quantified()
            if failed { return (.any, false) }
            if nullable { set.formUnion(s) }
            nullable = nullable && n
        }
        return (set, nullable)
    }

    /// One atom and its quantifier, if any.
    mutating func quantified() -> (PatternStart, Bool) {
        var (set, nullable) = atom()
        guard let q = peek() else { return (set, nullable) }
        switch q {
        case "?", "*":
            position += 1
            nullable = true
        case "+":
            position += 1
        case "{":
            guard let close = units[position...].firstIndex(of: "}") else {
                failed = true
                return (.any, false)
            }
            let body = String(String.UnicodeScalarView(units[(position + 1)..<close]))
            let minimum = body.split(separator: ",", omittingEmptySubsequences: false).first.flatMap { Int($0) }
            guard let minimum else {
                failed = true
                return (.any, false)
            }
            if minimum == 0 { nullable = true }
            position = close + 1
        default:
            return (set, nullable)
        }
        // Lazy and possessive forms.
        if let m = peek(), m == "?" || m == "+" { position += 1 }
        if failed { set = .any }
        return (set, nullable)
    }

    mutating func atom() -> (PatternStart, Bool) {
        guard let c = peek() else { return (PatternStart(), true) }
        position += 1
        switch c {
        case "(":
            return group()
        case "[":
            return (characterClass(), false)
        case ".":
            return (.any, false)
        case "^", "$":
            return (PatternStart(), true)
        case "\\":
            return escape()
        default:
            var s = PatternStart()
            s.insert(c)
            return (s, false)
        }
    }

    /// After `(`: a group, a lookaround (zero-width: starts nothing) or inline flags.
    mutating func group() -> (PatternStart, Bool) {
        var zeroWidth = false
        if peek() == "?" {
            switch peek(1) {
            case ":":
                position += 2
            case "=", "!":
                position += 2
                zeroWidth = true
            case "<":
                if peek(2) == "=" || peek(2) == "!" {
                    position += 3
                    zeroWidth = true
                } else {
                    // Named group: skip the name.
                    guard let close = units[position...].firstIndex(of: ">") else {
                        failed = true
                        return (.any, false)
                    }
                    position = close + 1
                }
            default:
                // Inline flags "(?i)", "(?-i)" or a flag group "(?i:...)".
                var k = position + 1
                while k < units.count, units[k] == "-" || units[k].properties.isAlphabetic { k += 1 }
                guard k < units.count else {
                    failed = true
                    return (.any, false)
                }
                // Free-spacing mode changes what a space means: not followed.
                if units[position..<k].contains("x") {
                    failed = true
                    return (.any, false)
                }
                if units[k] == ")" {
                    position = k + 1
                    return (PatternStart(), true)
                }
                guard units[k] == ":" else {
                    failed = true
                    return (.any, false)
                }
                position = k + 1
            }
        }
        let (set, nullable) = alternation()
        guard peek() == ")" else {
            failed = true
            return (.any, false)
        }
        position += 1
        return zeroWidth ? (PatternStart(), true) : (set, nullable)
    }

    /// After `\`: an escaped literal, a class shorthand or a zero-width assertion.
    mutating func escape() -> (PatternStart, Bool) {
        guard let e = peek() else {
            failed = true
            return (.any, false)
        }
        position += 1
        var s = PatternStart()
        switch e {
        case "b", "B", "A", "G", "z", "Z":
            return (PatternStart(), true)
        case "d":
            for b in UInt8(0x30)...0x39 { s.insert(b) }
            s.insertNonASCIIDigits()
        case "s":
            for b: UInt8 in [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D] { s.insert(b) }
            s.insertNonASCIISpaces()
        case "p", "P", "N", "x":
            // A property, a named or hex character: letters and digits are followed, the rest
            // admits any start; the braces are skipped either way.
            var name = ""
            if peek() == "{", let close = units[position...].firstIndex(of: "}") {
                name = String(String.UnicodeScalarView(units[(position + 1)..<close]))
                position = close + 1
            } else if e == "p" || e == "P" {
                position += 1
            }
            guard e == "p", let known = Self.property(name) else { return (.any, false) }
            return (known, false)
        default:
            // Escaped punctuation is itself; anything else (\w, \u.., backreferences) is
            // not followed.
            guard e.isASCII, !e.properties.isAlphabetic, !("0"..."9").contains(e) else { return (.any, false) }
            s.insert(UInt8(e.value))
        }
        return (s, false)
    }

    /// After `[`: the members of a plain class; negated or nested classes admit anything.
    mutating func characterClass() -> PatternStart {
        var s = PatternStart()
        if peek() == "^" {
            skipClass()
            return .any
        }
        if peek() == "]" {
            // "[]...]": read differently by regex dialects; not followed.
            skipClass()
            return .any
        }
        while let c = peek() {
            if c == "]" {
                position += 1
                return s
            }
            position += 1
            var member: Unicode.Scalar = c
            switch c {
            case "[":
                skipClass()
                return .any
            case "\\":
                guard let e = peek() else { return .any }
                position += 1
                switch e {
                case "d":
                    for b in UInt8(0x30)...0x39 { s.insert(b) }
                    s.insertNonASCIIDigits()
                    continue
                case "s":
                    for b: UInt8 in [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D] { s.insert(b) }
                    s.insertNonASCIISpaces()
                    continue
                case "p" where peek() == "{":
                    guard let close = units[position...].firstIndex(of: "}"),
                        let known = Self.property(String(String.UnicodeScalarView(units[(position + 1)..<close])))
                    else {
                        skipClass()
                        return .any
                    }
                    position = close + 1
                    s.formUnion(known)
                    continue
                default:
                    guard e.isASCII, !e.properties.isAlphabetic, !("0"..."9").contains(e) else {
                        skipClass()
                        return .any
                    }
                    member = e
                }
            default:
                break
            }
            // A range "a-z" (the '-' not last in the class).
            if peek() == "-", let upper = peek(1), upper != "]", upper != "\\", upper != "[" {
                position += 2
                guard member.isASCII, upper.isASCII, member.value <= upper.value else {
                    skipClass()
                    return .any
                }
                for v in member.value...upper.value { s.insert(UInt8(v)) }
                continue
            }
            s.insert(member)
        }
        failed = true
        return .any
    }

    /// The starts of `\p{name}` for letter and digit properties; nil for others.
    static func property(_ name: String) -> PatternStart? {
        var s = PatternStart()
        switch name {
        case "L", "Lu", "Ll", "Lt", "Letter", "Uppercase_Letter", "Lowercase_Letter", "Alphabetic", "Uppercase", "Lowercase":
            for b in UInt8(0x61)...0x7A { s.insert(b) }
        case "Nd", "Decimal_Number":
            for b in UInt8(0x30)...0x39 { s.insert(b) }
            s.insertNonASCIIDigits()
            return s
        default:
            return nil
        }
        s.insertAnyNonASCII()
        return s
    }

    /// Moves past the end of the class being read (nested brackets counted).
    private mutating func skipClass() {
        var depth = 1
        while let c = peek(), depth > 0 {
            position += 1
            if c == "\\" {
                position += 1
            } else if c == "[" {
                depth += 1
            } else if c == "]" {
                depth -= 1
            }
        }
    }
}

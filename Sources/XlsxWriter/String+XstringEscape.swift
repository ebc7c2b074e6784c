extension String {
  /// The text with every literal `_xHHHH_` protected as `_x005F_xHHHH_`.
  ///
  /// Excel reads `_xHHHH_` in cell text as an escaped character (`_x0041_` shows as `A`), and
  /// libxlsxwriter 1.1.4 stores such text unchanged. Escaping the underscore makes Excel show
  /// the text exactly as given.
  var protectingXstringEscapes: String {
    guard utf8.count >= 7, utf8.contains(UInt8(ascii: "_")) else { return self }
    let units = Array(utf8)
    var out: [UInt8] = []
    out.reserveCapacity(units.count)
    var i = 0
    while i < units.count {
      if Self.isEscape(units, at: i) { out.append(contentsOf: Array("_x005F".utf8)) }
      out.append(units[i])
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func isEscape(_ units: [UInt8], at i: Int) -> Bool {
    guard i + 6 < units.count, units[i] == UInt8(ascii: "_"), units[i + 1] == UInt8(ascii: "x"),
      units[i + 6] == UInt8(ascii: "_")
    else { return false }
    return units[(i + 2)...(i + 5)].allSatisfy { unit in
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(unit)
        || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(unit)
        || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(unit)
    }
  }
}

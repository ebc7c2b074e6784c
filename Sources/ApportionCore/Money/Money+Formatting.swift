extension Money {
  /// The amount as a person reads it in a report: `£1,234.57`, negatives in brackets
  /// `(£1,234.57)`.
  public var formatted: String {
    let plain = Self.decimalText(pence.magnitude)
    let grouped = Self.groupThousands(plain)
    return pence < 0 ? "(£\(grouped))" : "£\(grouped)"
  }

  /// The amount with thousands separators and a leading minus: `-1,234.57`.
  public var grouped: String {
    let plain = Self.decimalText(pence.magnitude)
    return (pence < 0 ? "-" : "") + Self.groupThousands(plain)
  }

  private static func groupThousands(_ plain: String) -> String {
    let parts = plain.split(separator: ".")
    let whole = Array(parts[0])
    var out = ""
    for (index, digit) in whole.enumerated() {
      if index > 0 && (whole.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return out + "." + parts[1]
  }
}

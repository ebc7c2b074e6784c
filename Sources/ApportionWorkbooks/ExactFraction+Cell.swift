import ApportionCore
import BigInt

extension ExactFraction {
  /// The nearest `Double`, for a workbook cell that shows an audit figure that is not money
  /// (a share of a line, a rounding adjustment of a fraction of a penny): libxlsxwriter's
  /// number cells take a `Double`. Money is never written through this.
  var nearestDouble: Double {
    switch self {
    case .narrow(let n, let d):
      // Most fractions fit in 64 bits, whose conversion is one instruction (`Int128`'s is a
      // generic loop).
      if let n = Int64(exactly: n), let d = Int64(exactly: d) { return Double(n) / Double(d) }
      return Double(n) / Double(d)
    case .wide(var n, var d):
      // Both parts cut to at most 512 bits keep the quotient's 53 significant bits and stay
      // far inside `Double`'s range.
      let excess = max(n.magnitude.bitWidth, d.magnitude.bitWidth) - 512
      if excess > 0 {
        n >>= excess
        d >>= excess
      }
      return d == 0 ? 0 : Double(n) / Double(d)
    }
  }
}

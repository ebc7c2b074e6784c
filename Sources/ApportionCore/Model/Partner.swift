/// A partner's identifier as written in rule files: `brent`, `lewisham`.
///
/// Its own type so that an id is never mixed up with a name or a column value.
public struct PartnerID: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }
  public static func < (lhs: PartnerID, rhs: PartnerID) -> Bool {
    lhs.rawValue.unicodeScalars.lexicographicallyPrecedes(rhs.rawValue.unicodeScalars)
  }
}

/// A council (or other body) that shares the cost of the service.
public struct Partner: Sendable, Hashable {
  public var id: PartnerID
  /// The name people read: "Brent".
  public var name: String
  /// A short name for sheet names, column headers and chart labels, where a long name
  /// ("London Borough of Southwark (from November 2016)") would be cut: the id unless the
  /// rule file gives `short_name`.
  public var shortName: String
  /// True for the partner that hosts the service (employs staff, holds contracts).
  public var isHost: Bool
  /// The months of the financial year in which it is a member (all, unless it joins or
  /// leaves during the year).
  public var membership: Membership

  public init(
    id: PartnerID, name: String, shortName: String? = nil, isHost: Bool = false,
    membership: Membership = .wholeYear
  ) {
    self.id = id
    self.name = name
    self.shortName = shortName ?? id.rawValue
    self.isHost = isHost
    self.membership = membership
  }
}

/// The document properties shown by File ▸ Info in Excel (`docProps/core.xml`, `app.xml`).
public struct DocumentProperties: Hashable, Sendable {
  public var title: String?
  public var subject: String?
  public var author: String?
  public var company: String?
  public var comments: String?
  /// The creation date. Set it for reproducible output; `nil` lets libxlsxwriter use the
  /// current time.
  public var created: UTCDateTime?

  /// Properties; every field is optional.
  public init(
    title: String? = nil, subject: String? = nil, author: String? = nil, company: String? = nil,
    comments: String? = nil, created: UTCDateTime? = nil
  ) {
    self.title = title
    self.subject = subject
    self.author = author
    self.company = company
    self.comments = comments
    self.created = created
  }
}

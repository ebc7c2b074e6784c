/// The document properties shown by File ▸ Info in Excel (`docProps/core.xml`, `app.xml`).
///
/// libxlsxwriter 1.1.4 always writes `Microsoft Excel` as the application name in
/// `docProps/app.xml` and has no way to change it; say what wrote the file with a custom
/// property (`Workbook.setCustomProperty(_:_:)`) instead.
///
/// ```swift
/// try book.setProperties(
///   DocumentProperties(
///     title: "Brent and Lewisham 2016-17", author: "apportion 1.0.0",
///     created: UTCDateTime(year: 2016, month: 4, day: 1)))
/// ```
public struct DocumentProperties: Hashable, Sendable {
  public var title: String?
  public var subject: String?
  public var author: String?
  public var company: String?
  /// Search words, shown by Excel as Tags: `apportionment, Brent, 2016-17`.
  public var keywords: String?
  public var category: String?
  public var comments: String?
  /// The creation date. Set it for reproducible output; `nil` lets libxlsxwriter use the
  /// current time.
  public var created: UTCDateTime?

  /// Properties; every field is optional.
  public init(
    title: String? = nil, subject: String? = nil, author: String? = nil, company: String? = nil,
    keywords: String? = nil, category: String? = nil, comments: String? = nil,
    created: UTCDateTime? = nil
  ) {
    self.title = title
    self.subject = subject
    self.author = author
    self.company = company
    self.keywords = keywords
    self.category = category
    self.comments = comments
    self.created = created
  }
}

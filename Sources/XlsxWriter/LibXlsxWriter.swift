// The only file that calls libxlsxwriter. Everything else in the module goes through `Lxw`,
// which takes and returns Swift types and reports failures as `XlsxError.Code`s that
// `Lxw.check` turns into thrown errors. (`XlsxError+Code.swift` reads the `lxw_error` constants
// from the header for the codes' names; it calls nothing.)

import CXlsxWriter
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Opaque handles to libxlsxwriter objects. They are owned by the `lxw_workbook`, which frees
/// them all in `workbook_close` or `lxw_workbook_free`.
enum Handle {
  typealias Workbook = UnsafeMutablePointer<lxw_workbook>
  typealias Worksheet = UnsafeMutablePointer<lxw_worksheet>
  typealias Format = UnsafeMutablePointer<lxw_format>
  typealias Chart = UnsafeMutablePointer<lxw_chart>
}

/// Standard error pointed at `/dev/null` while libxlsxwriter runs, and back: counted, so that
/// overlapping calls from several threads restore it exactly once.
private enum LibraryMessages {
  /// How many calls are inside, and the copy of the real standard error.
  private static let state = Mutex<(depth: Int, saved: Int32)>((0, -1))

  /// Returns whether standard error is now hidden (and `show()` must be called).
  static func hide() -> Bool {
    state.withLock { state in
      if state.depth == 0 {
        let copy = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3)
        let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
        defer { if null >= 0 { _ = close(null) } }
        guard copy >= 0, null >= 0, dup2(null, STDERR_FILENO) >= 0 else {
          if copy >= 0 { _ = close(copy) }
          return false
        }
        state.saved = copy
      }
      state.depth += 1
      return true
    }
  }

  static func show() {
    state.withLock { state in
      state.depth -= 1
      if state.depth == 0, state.saved >= 0 {
        _ = dup2(state.saved, STDERR_FILENO)
        _ = close(state.saved)
        state.saved = -1
      }
    }
  }
}

/// Thin calls into libxlsxwriter 1.1.4.
enum Lxw {
  /// `lxw_strerror`'s text for a code.
  static func message(_ code: XlsxError.Code) -> String {
    guard let text = lxw_strerror(lxw_error(rawValue: code.rawValue)) else {
      return "Unknown error number \(code.rawValue)."
    }
    return String(cString: text)
  }

  /// Throws the `XlsxError` for a libxlsxwriter status other than success: the one place
  /// where a status the library returned becomes a thrown error.
  ///
  /// ```swift
  /// try Lxw.check(Lxw.setColumn(handle, a.column, b.column, width, format), .setColumn, sheet: name)
  /// ```
  static func check(
    _ status: XlsxError.Code, _ operation: XlsxError.Operation, sheet: String? = nil,
    cell: String? = nil, detail: String? = nil
  ) throws {
    guard status != .success else { return }
    throw XlsxError(operation, sheet: sheet, cell: cell, code: status, detail: detail)
  }

  /// Runs `body` with a `strdup`ed copy (the C structs want `char *`), freed afterwards.
  /// libxlsxwriter copies every string it keeps (`lxw_strdup` in `workbook_new_opt` and
  /// `workbook_set_properties`), so the copy need not outlive the call.
  private static func withCString<R>(
    _ string: String?, _ body: (UnsafeMutablePointer<CChar>?) -> R
  ) -> R {
    guard let string else { return body(nil) }
    let copy = strdup(string)
    defer { free(copy) }
    return body(copy)
  }

  // MARK: Workbook

  /// The workbook, or `nil` with the C `errno` of the failure (`EMFILE` when constant-memory
  /// mode could not open its temporary file).
  static func newWorkbook(path: String, options: WorkbookOptions) -> (Handle.Workbook?, Int32) {
    withCString(options.temporaryDirectory) { temporaryDirectory in
      var opts = lxw_workbook_options()
      opts.constant_memory = byte(options.constantMemory ? LXW_TRUE : LXW_FALSE)
      opts.tmpdir = temporaryDirectory
      opts.use_zip64 = byte(options.useZip64 ? LXW_TRUE : LXW_FALSE)
      return withErrno { workbook_new_opt(path, &opts) }
    }
  }

  /// Writes the file and frees the workbook and everything it owns, whatever the outcome;
  /// with the C `errno` left by a failure.
  static func close(_ workbook: Handle.Workbook) -> (XlsxError.Code, Int32) {
    let (status, error) = withErrno { workbook_close(workbook) }
    return (XlsxError.Code(status), error)
  }

  /// `body`'s result and the `errno` it left (cleared first, so 0 when it set none).
  ///
  /// libxlsxwriter prints its own `[ERROR] …` lines on standard error before returning a
  /// failure; the wrapper says the same in its thrown error, so with
  /// `Workbook.hidesLibraryMessages` on, standard error is pointed at `/dev/null` for the call.
  private static func withErrno<R>(_ body: () -> R) -> (R, Int32) {
    let hidden = Workbook.hidesLibraryMessages && LibraryMessages.hide()
    defer { if hidden { LibraryMessages.show() } }
    errno = 0
    let result = body()
    return (result, errno)
  }

  /// Frees a workbook that was never closed; writes nothing.
  static func freeWorkbook(_ workbook: Handle.Workbook) {
    lxw_workbook_free(workbook)
  }

  static func setProperties(
    _ workbook: Handle.Workbook, _ properties: DocumentProperties, created: Int
  ) -> XlsxError.Code {
    withCString(properties.title) { title in
      withCString(properties.subject) { subject in
        withCString(properties.author) { author in
          withCString(properties.company) { company in
            withCString(properties.comments) { comments in
              var props = lxw_doc_properties()
              props.title = title
              props.subject = subject
              props.author = author
              props.company = company
              props.comments = comments
              props.created = time_t(created)
              return XlsxError.Code(workbook_set_properties(workbook, &props))
            }
          }
        }
      }
    }
  }

  static func validateSheetName(_ workbook: Handle.Workbook, _ name: String) -> XlsxError.Code {
    XlsxError.Code(workbook_validate_sheet_name(workbook, name))
  }

  /// The worksheet, or `nil` with the C `errno` of the failure (`EMFILE` when constant-memory
  /// mode could not open the sheet's temporary file).
  static func addWorksheet(_ workbook: Handle.Workbook, _ name: String) -> (
    Handle.Worksheet?, Int32
  ) {
    withErrno { workbook_add_worksheet(workbook, name) }
  }

  static func defineName(_ workbook: Handle.Workbook, _ name: String, _ formula: String)
    -> XlsxError.Code
  {
    XlsxError.Code(workbook_define_name(workbook, name, formula))
  }

  // MARK: Formats

  static func addFormat(_ workbook: Handle.Workbook, _ specification: FormatSpecification) -> Handle
    .Format?
  {
    guard let format = workbook_add_format(workbook) else { return nil }
    if specification.bold { format_set_bold(format) }
    if specification.italic { format_set_italic(format) }
    if let numberFormat = specification.numberFormat { format_set_num_format(format, numberFormat) }
    if let color = specification.fontColor { format_set_font_color(format, color & 0xFF_FFFF) }
    if let color = specification.backgroundColor {
      format_set_pattern(format, byte(LXW_PATTERN_SOLID))
      format_set_bg_color(format, color & 0xFF_FFFF)
    }
    if let style = specification.borderTop { format_set_top(format, byte(border(style))) }
    if let style = specification.borderBottom { format_set_bottom(format, byte(border(style))) }
    if let horizontal = specification.horizontalAlignment {
      format_set_align(format, byte(alignment(horizontal)))
    }
    if specification.textWrap { format_set_text_wrap(format) }
    if specification.indent > 0 { format_set_indent(format, UInt8(min(specification.indent, 15))) }
    return format
  }

  private static func border(_ style: FormatSpecification.BorderStyle) -> lxw_format_borders {
    switch style {
    case .thin: LXW_BORDER_THIN
    case .medium: LXW_BORDER_MEDIUM
    case .thick: LXW_BORDER_THICK
    case .double: LXW_BORDER_DOUBLE
    case .dashed: LXW_BORDER_DASHED
    case .dotted: LXW_BORDER_DOTTED
    case .hair: LXW_BORDER_HAIR
    }
  }

  private static func alignment(
    _ alignment: FormatSpecification.HorizontalAlignment
  ) -> lxw_format_alignments {
    switch alignment {
    case .left: LXW_ALIGN_LEFT
    case .center: LXW_ALIGN_CENTER
    case .right: LXW_ALIGN_RIGHT
    case .fill: LXW_ALIGN_FILL
    case .justify: LXW_ALIGN_JUSTIFY
    case .centerAcross: LXW_ALIGN_CENTER_ACROSS
    }
  }

  /// A C enum value as the `uint8_t` that libxlsxwriter's setters take.
  private static func byte<Value: RawRepresentable>(_ value: Value) -> UInt8
  where Value.RawValue: BinaryInteger {
    UInt8(value.rawValue)
  }

  // MARK: Cells (row and column already checked to be inside Excel's grid)

  static func writeString(
    _ sheet: Handle.Worksheet, _ row: UInt32, _ column: UInt16, _ text: String,
    _ format: Handle.Format?
  ) -> XlsxError.Code {
    XlsxError.Code(worksheet_write_string(sheet, row, column, text, format))
  }

  static func writeNumber(
    _ sheet: Handle.Worksheet, _ row: UInt32, _ column: UInt16, _ value: Double,
    _ format: Handle.Format?
  ) -> XlsxError.Code {
    XlsxError.Code(worksheet_write_number(sheet, row, column, value, format))
  }

  static func writeFormula(
    _ sheet: Handle.Worksheet, _ row: UInt32, _ column: UInt16, _ formula: String, _ cached: Double,
    _ format: Handle.Format?
  ) -> XlsxError.Code {
    XlsxError.Code(worksheet_write_formula_num(sheet, row, column, formula, format, cached))
  }

  static func writeBlank(
    _ sheet: Handle.Worksheet, _ row: UInt32, _ column: UInt16, _ format: Handle.Format?
  ) -> XlsxError.Code {
    XlsxError.Code(worksheet_write_blank(sheet, row, column, format))
  }

  /// Whether `printf("%G")` currently writes a full stop as the decimal separator.
  /// libxlsxwriter formats numbers with `snprintf("%.16G")`, which follows `LC_NUMERIC`; in a
  /// locale with a decimal comma it would write `8,14` into the XML, a corrupt cell.
  static func numericLocaleUsesFullStop() -> Bool {
    guard let conv = localeconv(), let point = conv.pointee.decimal_point else { return false }
    return point.pointee == 0x2E && point.advanced(by: 1).pointee == 0
  }

  // MARK: Layout

  static func setColumn(
    _ sheet: Handle.Worksheet, _ first: UInt16, _ last: UInt16, _ width: Double,
    _ format: Handle.Format?
  ) -> XlsxError.Code {
    XlsxError.Code(worksheet_set_column(sheet, first, last, width, format))
  }

  static func setRow(
    _ sheet: Handle.Worksheet, _ row: UInt32, _ height: Double, _ format: Handle.Format?
  ) -> XlsxError.Code {
    XlsxError.Code(worksheet_set_row(sheet, row, height, format))
  }

  static func freezePanes(_ sheet: Handle.Worksheet, _ row: UInt32, _ column: UInt16) {
    worksheet_freeze_panes(sheet, row, column)
  }

  static func autofilter(
    _ sheet: Handle.Worksheet, _ firstRow: UInt32, _ firstColumn: UInt16, _ lastRow: UInt32,
    _ lastColumn: UInt16
  ) -> XlsxError.Code {
    XlsxError.Code(worksheet_autofilter(sheet, firstRow, firstColumn, lastRow, lastColumn))
  }

  // MARK: Page setup

  static func setLandscape(_ sheet: Handle.Worksheet) { worksheet_set_landscape(sheet) }

  /// Paper 9 is A4 in libxlsxwriter's (Excel's) paper table.
  static func setPaperA4(_ sheet: Handle.Worksheet) { worksheet_set_paper(sheet, 9) }

  static func fitToPages(_ sheet: Handle.Worksheet, _ width: UInt16, _ height: UInt16) {
    worksheet_fit_to_pages(sheet, width, height)
  }

  static func repeatRows(_ sheet: Handle.Worksheet, _ first: UInt32, _ last: UInt32)
    -> XlsxError.Code
  {
    XlsxError.Code(worksheet_repeat_rows(sheet, first, last))
  }

  static func setHeader(_ sheet: Handle.Worksheet, _ text: String) -> XlsxError.Code {
    XlsxError.Code(worksheet_set_header(sheet, text))
  }

  static func setFooter(_ sheet: Handle.Worksheet, _ text: String) -> XlsxError.Code {
    XlsxError.Code(worksheet_set_footer(sheet, text))
  }

  static func setGridlines(_ sheet: Handle.Worksheet, screen: Bool, print: Bool) {
    let option: lxw_gridlines =
      switch (screen, print) {
      case (true, true): LXW_SHOW_ALL_GRIDLINES
      case (true, false): LXW_SHOW_SCREEN_GRIDLINES
      case (false, true): LXW_SHOW_PRINT_GRIDLINES
      case (false, false): LXW_HIDE_ALL_GRIDLINES
      }
    worksheet_gridlines(sheet, byte(option))
  }

  // MARK: Charts

  static func addChart(_ workbook: Handle.Workbook, _ type: Chart.Kind) -> Handle.Chart? {
    let value: lxw_chart_type =
      switch type {
      case .pie: LXW_CHART_PIE
      case .column: LXW_CHART_COLUMN
      case .bar: LXW_CHART_BAR
      }
    return workbook_add_chart(workbook, byte(value))
  }

  /// Adds a series; `categories` and `values` are range formulas (`='Sheet'!$A$2:$A$5`).
  /// libxlsxwriter copies the strings. Returns false when it could not allocate the series.
  static func addSeries(
    _ chart: Handle.Chart, name: String?, categories: String, values: String
  ) -> Bool {
    guard let series = chart_add_series(chart, categories, values) else { return false }
    if let name { chart_series_set_name(series, name) }
    return true
  }

  static func setTitle(_ chart: Handle.Chart, _ title: String) {
    chart_title_set_name(chart, title)
  }

  /// The value axis's number format (libxlsxwriter copies the string).
  static func setValueAxisNumberFormat(_ chart: Handle.Chart, _ format: String) {
    chart_axis_set_num_format(chart.pointee.y_axis, format)
  }

  static func hideLegend(_ chart: Handle.Chart) {
    chart_legend_set_position(chart, byte(LXW_CHART_LEGEND_NONE))
  }

  static func insertChart(
    _ sheet: Handle.Worksheet, _ row: UInt32, _ column: UInt16, _ chart: Handle.Chart
  ) -> XlsxError.Code {
    XlsxError.Code(worksheet_insert_chart(sheet, row, column, chart))
  }
}

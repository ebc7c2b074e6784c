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
  typealias Series = UnsafeMutablePointer<lxw_chart_series>
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

  /// The library's version at run time, e.g. `1.1.4`.
  static var version: String { String(cString: lxw_version()) }

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
            withCString(properties.keywords) { keywords in
              withCString(properties.category) { category in
                withCString(properties.comments) { comments in
                  var props = lxw_doc_properties()
                  props.title = title
                  props.subject = subject
                  props.author = author
                  props.company = company
                  props.keywords = keywords
                  props.category = category
                  props.comments = comments
                  props.created = time_t(created)
                  return XlsxError.Code(workbook_set_properties(workbook, &props))
                }
              }
            }
          }
        }
      }
    }
  }

  /// A custom document property (`docProps/custom.xml`) holding text; libxlsxwriter copies
  /// both strings.
  static func setCustomProperty(_ workbook: Handle.Workbook, _ name: String, _ value: String)
    -> XlsxError.Code
  {
    XlsxError.Code(workbook_set_custom_property_string(workbook, name, value))
  }

  /// Sets the font of the workbook's default format: the font of cells written without a
  /// format and of the Normal style, whose digit width spreadsheets take as the unit of
  /// column widths. libxlsxwriter 1.1.4 has no call for it; the default format is the first
  /// in `workbook->formats` (added by `workbook_new_opt`), and the fonts are only collected
  /// in `workbook_close`, so setting its font before then changes font 0 in `styles.xml`.
  static func setDefaultFont(_ workbook: Handle.Workbook, name: String, size: Double) -> Bool {
    guard let first = workbook.pointee.formats?.pointee.stqh_first else { return false }
    format_set_font_name(first, name)
    format_set_font_size(first, size)
    return true
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
    if let vertical = specification.verticalAlignment {
      format_set_align(format, byte(alignment(vertical)))
    }
    if specification.textWrap { format_set_text_wrap(format) }
    if let size = specification.fontSize { format_set_font_size(format, size) }
    if let name = specification.fontName { format_set_font_name(format, name) }
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

  private static func alignment(
    _ alignment: FormatSpecification.VerticalAlignment
  ) -> lxw_format_alignments {
    switch alignment {
    case .top: LXW_ALIGN_VERTICAL_TOP
    case .center: LXW_ALIGN_VERTICAL_CENTER
    case .bottom: LXW_ALIGN_VERTICAL_BOTTOM
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

  /// A formula whose cached result is text (`t="str"`), e.g. a name looked up with INDEX.
  static func writeFormula(
    _ sheet: Handle.Worksheet, _ row: UInt32, _ column: UInt16, _ formula: String,
    cachedText: String, _ format: Handle.Format?
  ) -> XlsxError.Code {
    XlsxError.Code(worksheet_write_formula_str(sheet, row, column, formula, format, cachedText))
  }

  /// Merges a block of cells and writes `text` (always as text) into it.
  static func mergeRange(
    _ sheet: Handle.Worksheet, _ first: (UInt32, UInt16), _ last: (UInt32, UInt16), _ text: String,
    _ format: Handle.Format?
  ) -> XlsxError.Code {
    XlsxError.Code(
      worksheet_merge_range(sheet, first.0, first.1, last.0, last.1, text, format))
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

  // MARK: Conditional formats and data validation

  /// Adds a conditional format over a block of cells.
  static func conditionalFormat(
    _ sheet: Handle.Worksheet, _ first: (UInt32, UInt16), _ last: (UInt32, UInt16),
    _ rule: ConditionalFormat.Rule, _ format: Handle.Format
  ) -> XlsxError.Code {
    var options = lxw_conditional_format()
    options.format = format
    switch rule {
    case .equalTo(let value):
      options.type = byte(LXW_CONDITIONAL_TYPE_CELL)
      options.criteria = byte(LXW_CONDITIONAL_CRITERIA_EQUAL_TO)
      options.value = value
    case .notEqualTo(let value):
      options.type = byte(LXW_CONDITIONAL_TYPE_CELL)
      options.criteria = byte(LXW_CONDITIONAL_CRITERIA_NOT_EQUAL_TO)
      options.value = value
    case .notBlank:
      options.type = byte(LXW_CONDITIONAL_TYPE_NO_BLANKS)
    }
    return XlsxError.Code(
      worksheet_conditional_format_range(sheet, first.0, first.1, last.0, last.1, &options))
  }

  /// Restricts what can be typed into a block of cells to whole numbers in a range.
  static func validateWholeNumbers(
    _ sheet: Handle.Worksheet, _ first: (UInt32, UInt16), _ last: (UInt32, UInt16),
    _ validation: DataValidation
  ) -> XlsxError.Code {
    withCString(validation.inputTitle) { inputTitle in
      withCString(validation.inputMessage) { inputMessage in
        withCString(validation.errorTitle) { errorTitle in
          withCString(validation.errorMessage) { errorMessage in
            var options = lxw_data_validation()
            options.validate = byte(LXW_VALIDATION_TYPE_INTEGER)
            options.criteria = byte(LXW_VALIDATION_CRITERIA_BETWEEN)
            options.minimum_number = Double(validation.allowed.lowerBound)
            options.maximum_number = Double(validation.allowed.upperBound)
            options.error_type = byte(LXW_VALIDATION_ERROR_TYPE_STOP)
            options.input_title = inputTitle
            options.input_message = inputMessage
            options.error_title = errorTitle
            options.error_message = errorMessage
            return XlsxError.Code(
              worksheet_data_validation_range(sheet, first.0, first.1, last.0, last.1, &options))
          }
        }
      }
    }
  }

  // MARK: Page setup

  static func setLandscape(_ sheet: Handle.Worksheet) { worksheet_set_landscape(sheet) }

  static func setPortrait(_ sheet: Handle.Worksheet) { worksheet_set_portrait(sheet) }

  /// Margins in inches.
  static func setMargins(
    _ sheet: Handle.Worksheet, left: Double, right: Double, top: Double, bottom: Double
  ) {
    worksheet_set_margins(sheet, left, right, top, bottom)
  }

  static func printArea(
    _ sheet: Handle.Worksheet, _ first: (UInt32, UInt16), _ last: (UInt32, UInt16)
  ) -> XlsxError.Code {
    XlsxError.Code(worksheet_print_area(sheet, first.0, first.1, last.0, last.1))
  }

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
      case .stackedBar: LXW_CHART_BAR_STACKED
      case .line: LXW_CHART_LINE
      }
    return workbook_add_chart(workbook, byte(value))
  }

  /// Adds a series; `categories` and `values` are range formulas (`='Sheet'!$A$2:$A$5`).
  /// libxlsxwriter copies the strings. Returns `nil` when it could not allocate the series.
  static func addSeries(_ chart: Handle.Chart, categories: String, values: String)
    -> Handle.Series?
  {
    chart_add_series(chart, categories, values)
  }

  /// The series' name as literal text (copied).
  static func setSeriesName(_ series: Handle.Series, _ name: String) {
    chart_series_set_name(series, name)
  }

  /// The series' name from a cell.
  static func setSeriesNameCell(
    _ series: Handle.Series, sheet: String, row: UInt32, column: UInt16
  ) {
    chart_series_set_name_range(series, sheet, row, column)
  }

  /// Shows each point's value on the chart, in `numberFormat`, outside the bar's end.
  static func setDataLabels(_ series: Handle.Series, numberFormat: String) {
    chart_series_set_labels(series)
    chart_series_set_labels_num_format(series, numberFormat)
  }

  /// Fills a series range's cached data (`<c:numCache>` or `<c:strCache>`), which
  /// libxlsxwriter 1.1.4 cannot read back from a constant-memory worksheet, so that viewers
  /// which do not recalculate still draw the chart. The points are `calloc`ed and strings
  /// `strdup`ed here and freed by libxlsxwriter with the chart (`_chart_free_data_cache`);
  /// `ignore_cache` stops `workbook_close` from trying to fill the cache itself. Returns
  /// false when memory ran out (the points added so far are still freed with the chart).
  static func setCache(_ range: UnsafeMutablePointer<lxw_series_range>?, _ cache: Chart.Cache)
    -> Bool
  {
    guard let range, let head = range.pointee.data_cache, head.pointee.stqh_first == nil,
      let nextOffset = MemoryLayout<lxw_series_data_point>.offset(
        of: \lxw_series_data_point.list_pointers.stqe_next)
    else { return false }
    range.pointee.ignore_cache = byte(LXW_TRUE)
    let count: Int
    switch cache {
    case .numbers(let numbers): count = numbers.count
    case .texts(let texts): count = texts.count
    }
    for index in 0..<count {
      guard let raw = calloc(1, MemoryLayout<lxw_series_data_point>.stride) else { return false }
      let point = raw.bindMemory(to: lxw_series_data_point.self, capacity: 1)
      switch cache {
      case .numbers(let numbers): point.pointee.number = numbers[index]
      case .texts(let texts):
        point.pointee.is_string = byte(LXW_TRUE)
        point.pointee.string = strdup(texts[index])
        range.pointee.has_string_cache = byte(LXW_TRUE)
      }
      // STAILQ_INSERT_TAIL(head, point, list_pointers)
      point.pointee.list_pointers.stqe_next = nil
      head.pointee.stqh_last.pointee = point
      head.pointee.stqh_last = (raw + nextOffset).bindMemory(
        to: UnsafeMutablePointer<lxw_series_data_point>?.self, capacity: 1)
      range.pointee.num_data_points = UInt16(index + 1)
    }
    return true
  }

  static func setCategoriesCache(_ series: Handle.Series, _ cache: Chart.Cache) -> Bool {
    setCache(series.pointee.categories, cache)
  }

  static func setValuesCache(_ series: Handle.Series, _ cache: Chart.Cache) -> Bool {
    setCache(series.pointee.values, cache)
  }

  static func setNameCache(_ series: Handle.Series, _ name: String) -> Bool {
    setCache(series.pointee.title.range, .texts([name]))
  }

  static func setTitle(_ chart: Handle.Chart, _ title: String) {
    chart_title_set_name(chart, title)
  }

  /// The value axis and the category axis. libxlsxwriter 1.1.4 keeps a bar chart's value
  /// axis (drawn across) in `x_axis` and its categories in `y_axis`; other charts the other
  /// way round.
  private static func axes(_ chart: Handle.Chart, _ kind: Chart.Kind) -> (
    value: UnsafeMutablePointer<lxw_chart_axis>?, category: UnsafeMutablePointer<lxw_chart_axis>?
  ) {
    switch kind {
    case .bar, .stackedBar: (chart.pointee.x_axis, chart.pointee.y_axis)
    case .pie, .column, .line: (chart.pointee.y_axis, chart.pointee.x_axis)
    }
  }

  /// The value axis's number format (libxlsxwriter copies the string).
  static func setValueAxisNumberFormat(_ chart: Handle.Chart, _ kind: Chart.Kind, _ format: String)
  {
    chart_axis_set_num_format(axes(chart, kind).value, format)
  }

  static func setValueAxisMinimum(_ chart: Handle.Chart, _ kind: Chart.Kind, _ minimum: Double) {
    chart_axis_set_min(axes(chart, kind).value, minimum)
  }

  /// Puts the category labels at the low end of the value axis, clear of negative bars.
  static func setCategoryLabelsLow(_ chart: Handle.Chart, _ kind: Chart.Kind) {
    chart_axis_set_label_position(
      axes(chart, kind).category, byte(LXW_CHART_AXIS_LABEL_POSITION_LOW))
  }

  static func hideLegend(_ chart: Handle.Chart) {
    chart_legend_set_position(chart, byte(LXW_CHART_LEGEND_NONE))
  }

  static func legendAtBottom(_ chart: Handle.Chart) {
    chart_legend_set_position(chart, byte(LXW_CHART_LEGEND_BOTTOM))
  }

  /// Places a chart scaled from libxlsxwriter's default 480 × 288 pixels.
  static func insertChart(
    _ sheet: Handle.Worksheet, _ row: UInt32, _ column: UInt16, _ chart: Handle.Chart,
    xScale: Double, yScale: Double
  ) -> XlsxError.Code {
    var options = lxw_chart_options()
    options.x_scale = xScale
    options.y_scale = yScale
    return XlsxError.Code(worksheet_insert_chart_opt(sheet, row, column, chart, &options))
  }
}

/// The byte-level CSV state machine behind ``CSVReader``.
///
/// It is fed the input in chunks of any size and keeps all of its state between calls, so a
/// record, a quoted field, a CRLF pair, a UTF-8 sequence or the byte-order mark may be split
/// across chunks anywhere. Field bytes are gathered into one reused buffer and turned into
/// Strings only when a record is complete, after UTF-8 validation.
struct CSVParser {
  enum State {
    /// Nothing read yet: a byte-order mark may follow.
    case streamStart
    /// At the start of a physical line with no record open (a line ending here is blank).
    case recordStart
    /// Just after a comma: the next field has not started yet.
    case fieldStart
    case unquoted
    case quoted
    /// Just after a quote inside a quoted field: either a doubled quote or the closing one.
    case quoteInQuoted
  }

  static let comma = UInt8(ascii: ",")
  static let quote = UInt8(ascii: "\"")
  static let cr = UInt8(ascii: "\r")
  static let lf = UInt8(ascii: "\n")

  /// The most bytes one record may hold: its fields' text and the commas between them.
  let maxRecordBytes: Int

  private(set) var state = State.streamStart
  /// Position of the next byte: 1-based physical line and scalar column.
  private(set) var line = 1
  private(set) var column = 1
  /// The previous byte was a CR, so an LF now belongs to the same line ending.
  private var afterCR = false

  // UTF-8 validation of the multi-byte sequence in progress.
  private var utf8Pending = 0
  private var utf8Low: UInt8 = 0x80
  private var utf8High: UInt8 = 0xBF
  private var utf8Line = 0
  private var utf8Column = 0
  /// The sequence in progress began with the very first byte of the input (maybe a BOM).
  private var maybeBOM = false

  // The record being read.
  private var recordLine = 0
  private var bytes: [UInt8] = []
  private var fieldEnds: [Int] = []
  private var fieldColumns: [Int] = []
  private var fieldLines: [Int] = []
  /// Where the open quoted field's opening quote is.
  private var quoteLine = 0
  private var quoteColumn = 0

  /// A parser that rejects records of more than `maxRecordBytes` (see
  /// ``CSVReader/maxRecordBytes``).
  init(maxRecordBytes: Int = CSVReader.maxRecordBytes) {
    self.maxRecordBytes = maxRecordBytes
    bytes.reserveCapacity(1024)
    fieldEnds.reserveCapacity(16)
    fieldColumns.reserveCapacity(16)
    fieldLines.reserveCapacity(16)
  }

  /// Consumes `input` from `start` until a record is complete or the input runs out.
  ///
  /// Returns the index after the last byte consumed and whether a record is complete (then
  /// call ``takeRecord()`` before parsing on).
  mutating func parse(
    _ input: UnsafeBufferPointer<UInt8>, from start: Int
  ) throws(CSVError) -> (next: Int, complete: Bool) {
    let comma = Self.comma
    let quote = Self.quote
    let cr = Self.cr
    let lf = Self.lf
    let count = input.count
    var index = start
    while index < count {
      // The record so far, checked before each byte (and at the end of the input): a run of
      // bytes may take it past the limit, but never by more than a chunk. A line ending adds
      // nothing, so checking before it is checking the whole record.
      try checkLength()
      let byte = input[index]
      index += 1

      if utf8Pending > 0 {
        // A continuation byte: the lead byte already moved the state machine on.
        guard byte >= utf8Low && byte <= utf8High else {
          throw .invalidUTF8(line: utf8Line, column: utf8Column)
        }
        bytes.append(byte)
        utf8Pending -= 1
        utf8Low = 0x80
        utf8High = 0xBF
        if utf8Pending == 0 && maybeBOM {
          maybeBOM = false
          if bytes == [0xEF, 0xBB, 0xBF] { dropBOM() }
        }
        continue
      }
      if byte == 0 { throw .nulByte(line: line, column: column) }
      if byte >= 0x80 { try startUTF8(byte) }

      switch state {
      case .streamStart:
        maybeBOM = byte == 0xEF
        fallthrough
      case .recordStart:
        if byte == cr || byte == lf {
          // A blank line, or the LF of a CRLF that ended the previous record.
          lineBreak(byte)
          state = .recordStart
          continue
        }
        afterCR = false
        recordLine = line
        fallthrough
      case .fieldStart:
        fieldColumns.append(column)
        fieldLines.append(line)
        if byte == quote {
          quoteLine = line
          quoteColumn = column
          column += 1
          state = .quoted
        } else if byte == comma {
          fieldEnds.append(bytes.count)
          column += 1
          state = .fieldStart
        } else if byte == cr || byte == lf {
          fieldEnds.append(bytes.count)
          lineBreak(byte)
          state = .recordStart
          return (index, true)
        } else {
          bytes.append(byte)
          column += 1
          state = .unquoted
          index = appendPlainRun(input, from: index)
        }
      case .unquoted:
        if byte == comma {
          fieldEnds.append(bytes.count)
          column += 1
          state = .fieldStart
        } else if byte == cr || byte == lf {
          fieldEnds.append(bytes.count)
          lineBreak(byte)
          state = .recordStart
          return (index, true)
        } else if byte == quote {
          throw .strayQuote(line: line, column: column)
        } else {
          bytes.append(byte)
          column += 1
          index = appendPlainRun(input, from: index)
        }
      case .quoted:
        if byte == quote {
          afterCR = false
          column += 1
          state = .quoteInQuoted
        } else if byte == cr || byte == lf {
          bytes.append(byte)
          lineBreak(byte)
        } else {
          afterCR = false
          bytes.append(byte)
          column += 1
          index = appendQuotedRun(input, from: index)
        }
      case .quoteInQuoted:
        if byte == quote {
          bytes.append(quote)
          column += 1
          state = .quoted
        } else if byte == comma {
          fieldEnds.append(bytes.count)
          column += 1
          state = .fieldStart
        } else if byte == cr || byte == lf {
          fieldEnds.append(bytes.count)
          lineBreak(byte)
          state = .recordStart
          return (index, true)
        } else {
          throw .textAfterQuote(line: line, column: column)
        }
      }
    }
    return (index, false)
  }

  /// Ends the input: returns the last record if one is open.
  mutating func finish() throws(CSVError) -> CSVRecord? {
    try checkLength()
    if utf8Pending > 0 { throw .invalidUTF8(line: utf8Line, column: utf8Column) }
    switch state {
    case .streamStart, .recordStart:
      return nil
    case .fieldStart:
      // A trailing comma at the very end: the last field is empty.
      fieldColumns.append(column)
      fieldLines.append(line)
      fieldEnds.append(bytes.count)
    case .unquoted, .quoteInQuoted:
      fieldEnds.append(bytes.count)
    case .quoted:
      throw .unterminatedQuote(line: quoteLine, column: quoteColumn)
    }
    state = .recordStart
    return takeRecord()
  }

  /// Throws if the record read so far holds more than ``maxRecordBytes``: its fields' bytes
  /// and the commas between them (each comma has ended a field; the last field is ended only
  /// after this check).
  @inline(__always)
  private func checkLength() throws(CSVError) {
    if bytes.count + fieldEnds.count > maxRecordBytes { throw recordTooLong() }
  }

  /// The record is too long: inside a quoted field, most likely its closing quote is missing
  /// and the field has swallowed the rest of the file, so point at the opening quote;
  /// otherwise at the start of the record.
  private func recordTooLong() -> CSVError {
    switch state {
    case .quoted:
      return .quotedFieldTooLong(line: quoteLine, column: quoteColumn, limit: maxRecordBytes)
    default:
      return .recordTooLong(line: recordLine, column: 1, limit: maxRecordBytes)
    }
  }

  /// The completed record; clears the buffers (keeping their capacity) for the next one.
  mutating func takeRecord() -> CSVRecord {
    var fields: [String] = []
    fields.reserveCapacity(fieldEnds.count)
    bytes.withUnsafeBufferPointer { all in
      var start = 0
      for end in fieldEnds {
        fields.append(
          String(decoding: UnsafeBufferPointer(rebasing: all[start..<end]), as: UTF8.self))
        start = end
      }
    }
    let record = CSVRecord(
      fields: fields, line: recordLine, columns: fieldColumns, lines: fieldLines)
    bytes.removeAll(keepingCapacity: true)
    fieldEnds.removeAll(keepingCapacity: true)
    fieldColumns.removeAll(keepingCapacity: true)
    fieldLines.removeAll(keepingCapacity: true)
    return record
  }

  /// Counts a CR, an LF, or the LF of a CRLF (which does not start another line).
  @inline(__always)
  private mutating func lineBreak(_ byte: UInt8) {
    if byte == Self.cr {
      afterCR = true
    } else if afterCR {
      afterCR = false
      return
    }
    line += 1
    column = 1
  }

  /// Checks a byte of 0x80 or more that is not a continuation byte, and notes how many
  /// continuation bytes, in what range, must follow.
  @inline(__always)
  private mutating func startUTF8(_ byte: UInt8) throws(CSVError) {
    utf8Line = line
    utf8Column = column
    utf8Low = 0x80
    utf8High = 0xBF
    switch byte {
    case 0xC2...0xDF: utf8Pending = 1
    case 0xE0:
      utf8Pending = 2
      utf8Low = 0xA0  // no overlong forms
    case 0xE1...0xEC, 0xEE, 0xEF: utf8Pending = 2
    case 0xED:
      utf8Pending = 2
      utf8High = 0x9F  // no surrogates
    case 0xF0:
      utf8Pending = 3
      utf8Low = 0x90  // no overlong forms
    case 0xF1...0xF3: utf8Pending = 3
    case 0xF4:
      utf8Pending = 3
      utf8High = 0x8F  // nothing above U+10FFFF
    default:
      throw .invalidUTF8(line: line, column: column)
    }
  }

  /// The input began with a UTF-8 byte-order mark: forget it, as if it was never there.
  private mutating func dropBOM() {
    bytes.removeAll(keepingCapacity: true)
    fieldColumns.removeAll(keepingCapacity: true)
    fieldLines.removeAll(keepingCapacity: true)
    column = 1
    state = .recordStart
  }

  /// Appends the run of ASCII bytes from `start` that cannot end an unquoted field.
  ///
  /// Nothing while a UTF-8 sequence is open: its continuation bytes must be checked first
  /// (an ASCII byte there is invalid UTF-8, not text).
  @inline(__always)
  private mutating func appendPlainRun(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int
  {
    guard utf8Pending == 0 else { return start }
    var end = start
    while end < input.count {
      let byte = input[end]
      // Letters, digits and most punctuation (after the comma, below 0x80) at one test.
      if byte > Self.comma && byte < 0x80 {
        end += 1
        continue
      }
      if byte >= 0x80 || byte == Self.comma || byte == Self.quote || byte == Self.cr
        || byte == Self.lf || byte == 0
      {
        break
      }
      end += 1
    }
    if end > start {
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<end]))
      column += end - start
    }
    return end
  }

  /// Appends the run of ASCII bytes from `start` that cannot end a quoted field or a line
  /// (nothing while a UTF-8 sequence is open, as in ``appendPlainRun(_:from:)``).
  @inline(__always)
  private mutating func appendQuotedRun(_ input: UnsafeBufferPointer<UInt8>, from start: Int)
    -> Int
  {
    guard utf8Pending == 0 else { return start }
    var end = start
    while end < input.count {
      let byte = input[end]
      // Letters, digits and most punctuation (after the quote, below 0x80) at one test.
      if byte > Self.quote && byte < 0x80 {
        end += 1
        continue
      }
      if byte >= 0x80 || byte == Self.quote || byte == Self.cr || byte == Self.lf || byte == 0 {
        break
      }
      end += 1
    }
    if end > start {
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<end]))
      column += end - start
    }
    return end
  }
}

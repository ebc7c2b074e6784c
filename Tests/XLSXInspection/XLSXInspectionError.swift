/// Why a workbook could not be inspected.
public enum XLSXInspectionError: Error, CustomStringConvertible {
  case notAZip(String)
  case missingPart(String)
  case noSuchSheet(String)
  case malformed(String, String)

  public var description: String {
    switch self {
    case .notAZip(let path): return "\(path): not a zip archive"
    case .missingPart(let part): return "missing part \(part)"
    case .noSuchSheet(let name): return "no sheet named \(name)"
    case .malformed(let part, let what): return "\(part): \(what)"
    }
  }
}

import ApportionCore

extension PlanSweep {
  /// The plan parameters a sweep can vary, by their documented paths.
  public enum Parameter: String, CaseIterable, Sendable {
    /// Clients, each paying from the hosting's start (instead of the plan's own).
    case clients = "hosting.clients"
    case fee = "hosting.fee"
    case setUp = "hosting.set-up"
    case infrastructure = "hosting.infrastructure"
    case licences = "hosting.licences"
    case costPerFTE = "hosting.cost-per-fte"

    /// A count (clients) rather than money.
    public var isCount: Bool { self == .clients }
  }

  /// A value of a parameter.
  public enum Value: Sendable, Hashable, CustomStringConvertible {
    case count(Int)
    case money(Money)

    /// `5`, or money as the JSON writes it: `120000.00`.
    public var description: String {
      switch self {
      case .count(let count): return "\(count)"
      case .money(let amount): return amount.plainText
      }
    }
  }

  /// A parameter and the values it takes: `hosting.fee=100000...300000:25000`.
  public struct Axis: Sendable {
    public let parameter: Parameter
    public let values: [Value]

    /// The most values one axis takes.
    public static let maxValues = 10_000

    /// Reads `PARAM=FROM...TO[:STEP]`. The step is 1 for clients and, for money, a tenth of
    /// the range unless given (which must then divide it to the penny).
    ///
    /// - Throws: a sentence saying what is wrong, for a usage error.
    public init(parsing text: String) throws(SweepError) {
      guard let equals = text.firstIndex(of: "=") else {
        throw SweepError("'\(text)': write PARAM=FROM...TO[:STEP], such as hosting.clients=0...8")
      }
      let name = String(text[..<equals])
      guard let parameter = Parameter(rawValue: name) else {
        let names = Parameter.allCases.map(\.rawValue)
        throw SweepError(
          "'\(name)' is not a parameter a sweep can vary; "
            + DidYouMean.hint(for: name, in: names) + "they are: " + names.joined(separator: ", "))
      }
      var range = String(text[text.index(after: equals)...])
      var stepText: String?
      if let colon = range.lastIndex(of: ":") {
        stepText = String(range[range.index(after: colon)...])
        range = String(range[..<colon])
      }
      let ends = range.components(separatedBy: "...")
      guard ends.count == 2 else {
        throw SweepError("'\(text)': write the range as FROM...TO, such as 0...8")
      }
      self.parameter = parameter
      if parameter.isCount {
        guard let from = Int(ends[0]), let to = Int(ends[1]), from >= 0, from <= to,
          to <= 1000
        else {
          throw SweepError("'\(text)': clients go from a whole number to a larger one, up to 1000")
        }
        let step =
          try stepText.map { (text: String) throws(SweepError) -> Int in
            guard let step = Int(text), step > 0 else {
              throw SweepError("'\(text)': the step must be a whole number above 0")
            }
            return step
          } ?? 1
        values = stride(from: from, through: to, by: step).map { .count($0) }
      } else {
        let from: Money
        let to: Money
        do {
          from = try Money(parsing: ends[0])
          to = try Money(parsing: ends[1])
        } catch {
          throw SweepError("'\(text)': \(error)")
        }
        guard !from.isNegative, from <= to else {
          throw SweepError("'\(text)': the range must go from an amount to a larger one")
        }
        let span = to.pence - from.pence
        let step: Int64
        if let stepText {
          do { step = try Money(parsing: stepText).pence } catch {
            throw SweepError("'\(text)': the step: \(error)")
          }
          guard step > 0 else { throw SweepError("'\(text)': the step must be above 0") }
        } else {
          step = span == 0 ? 1 : span / 10
          guard span == 0 || span % 10 == 0 else {
            throw SweepError(
              "'\(text)': give a step (:STEP): a tenth of the range is not whole pence")
          }
        }
        guard span / step < Int64(Self.maxValues) else {
          throw SweepError("'\(text)': more than \(Self.maxValues) values; give a larger step")
        }
        values = stride(from: from.pence, through: to.pence, by: Int(step)).map {
          .money(Money(pence: $0))
        }
      }
      guard values.count <= Self.maxValues else {
        throw SweepError("'\(text)': more than \(Self.maxValues) values; give a larger step")
      }
    }
  }
}

/// Why a sweep's `--vary` was refused (a usage error).
public struct SweepError: Error, Sendable, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}

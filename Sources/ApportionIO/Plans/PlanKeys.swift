/// The keys each part of a plan file takes (see `Samples/plans/README.md`).
enum PlanKeys {
  static let top = [
    "plan", "description", "base", "years", "growth", "events", "savings", "hosting",
  ]
  static let growth = ["when", "by"]
  static let event = ["on", "name", "changes"]
  static let savings = ["against", "baseline", "targets"]
  static let hosting = [
    "name", "start", "clients", "fee", "uplift", "set-up", "set-up years", "infrastructure",
    "licences", "staff", "costs uplift", "replaces", "basis", "break-even limit",
  ]
  static let hostingRequired = ["start", "clients", "fee", "basis"]
  static let staff = ["fte", "cost per fte"]
  static let client = ["name", "starts", "ends"]
}

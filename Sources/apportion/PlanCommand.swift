import ApportionCore
import ApportionIO
import ArgumentParser

struct PlanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Run a plan over several years: each partner's cost, income, net and savings, "
      + "and a hosting case with its break-even.",
    discussion: """
      Each year of the plan is an ordinary run of the engine over the plan's base, with the \
      plan's growth, events and hosting lines for that year. With --out DIR it also writes \
      DIR/plan.xlsx and each year's usual workbooks in DIR/<year>/. One year can be run, \
      checked or explained alone: apportion run|explain PLAN.yaml --year 2018-19 ….
      """)

  @Argument(help: "The plan file (YAML; see Samples/plans/README.md).")
  var planFile: String

  @Flag(help: "Print one JSON document on standard output and nothing else.")
  var json = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Instead of the plan's hosting clients, this many, each paying from the hosting's start.",
      valueName: "N"))
  var clients: Int?

  @Option(name: .long, help: "Write plan.xlsx and each year's workbooks into this folder.")
  var out: String?

  func validate() throws {
    if let clients, !(0...1000).contains(clients) {
      throw ValidationError("--clients must be a whole number from 0 to 1000")
    }
  }

  func run() throws {
    try Console.run {
      let runner = try PlanRunner.load(planFile)
      if let out {
        try OutputPath.check(out)
        let written = try PlanOutput.write(runner, clients: clients, to: out) { result in
          let list =
            "Wrote:\n"
            + [
              out + "/plan.xlsx",
              out + "/<year>/ for "
                + result.years.map(\.year.description).joined(separator: ", "),
            ].map { "  \($0.displayEscaped)\n" }.joined()
          if json {
            Console.write(PlanJSON.document(result))
            try Console.output.flush()
            Console.printError(list)
          } else {
            Console.write(Reports.plan(result) + "\n" + list)
            try Console.output.flush()
          }
        }
        Console.report(written.warnings)
        return
      }
      let result = try runner.run(clients: clients)
      Console.write(json ? PlanJSON.document(result) : Reports.plan(result))
      var seen: Set<Diagnostic> = []
      Console.report(
        result.years.flatMap(\.summary.warnings).filter { seen.insert($0).inserted })
    }
  }
}

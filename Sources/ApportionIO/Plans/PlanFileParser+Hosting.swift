import ApportionCore
import Yams

extension PlanFileParser {
  /// `hosting:` the business case's parameters (see `Samples/plans/README.md`).
  mutating func parseHosting(_ node: Node, years: [FinancialYear]) -> HostingModel? {
    guard
      let fields = reader.fields(
        node, what: "hosting", allowed: PlanKeys.hosting, required: PlanKeys.hostingRequired),
      let startNode = fields["start"]?.value, let startText = reader.text(startNode, what: "start")
    else { return nil }
    let start: PlanMonth
    do { start = try PlanMonth(firstDay: startText) } catch {
      reader.error(startNode, "start: \(error)", hint: "hosting starts on the 1st of a month")
      return nil
    }
    guard let clientsNode = fields["clients"]?.value,
      let clients = parseClients(clientsNode, start: start, years: years),
      let feeNode = fields["fee"]?.value, let fee = money(feeNode, what: "fee"),
      let basisNode = fields["basis"]?.value, let basis = parseHostingBasis(basisNode)
    else { return nil }
    var model = HostingModel(
      name: fields["name"].flatMap { reader.text($0.value, what: "name") } ?? "Hosting",
      start: start, clients: clients, fee: fee, basis: basis, location: reader.location(node))
    if let value = fields["uplift"]?.value, let rate = percentage(value, what: "uplift") {
      model.uplift = rate
    }
    if let value = fields["costs uplift"]?.value,
      let rate = percentage(value, what: "costs uplift")
    {
      model.costsUplift = rate
    }
    if let value = fields["set-up"]?.value, let amount = money(value, what: "set-up") {
      model.setUp = amount
    }
    if let value = fields["set-up years"]?.value,
      let count = count(value, what: "set-up years", in: 1...50)
    {
      model.setUpYears = count
    }
    if let value = fields["infrastructure"]?.value,
      let amount = money(value, what: "infrastructure")
    {
      model.infrastructure = amount
    }
    if let value = fields["licences"]?.value, let amount = money(value, what: "licences") {
      model.licences = amount
    }
    if let value = fields["staff"]?.value,
      let staff = reader.fields(
        value, what: "staff", allowed: PlanKeys.staff, required: PlanKeys.staff),
      let fteNode = staff["fte"]?.value, let fteText = reader.text(fteNode, what: "fte"),
      let costNode = staff["cost per fte"]?.value,
      let cost = money(costNode, what: "cost per fte")
    {
      do {
        model.staffFTE = try ExactDecimal(parsing: fteText)
        model.costPerFTE = cost
      } catch {
        reader.error(fteNode, "fte: \(error)", hint: "write the full-time equivalents, such as 2.5")
      }
    }
    if let value = fields["replaces"]?.value {
      model.replaces = reader.text(value, what: "replaces")
    }
    if let value = fields["break-even limit"]?.value,
      let count = count(value, what: "break-even limit", in: 0...1000)
    {
      model.breakEvenLimit = count
    }
    return model
  }

  /// A number (from the start), `{ 2018-19: 2, 2019-20: 5 }`, or a list of named clients.
  private mutating func parseClients(_ node: Node, start: PlanMonth, years: [FinancialYear])
    -> HostingModel.Clients?
  {
    switch node {
    case .scalar:
      guard let number = count(node, what: "clients", in: 0...1000) else { return nil }
      return .count([start.year: number])
    case .mapping:
      guard let entries = reader.mapping(node, what: "clients") else { return nil }
      var counts: [FinancialYear: Int] = [:]
      for (text, key, value) in entries {
        guard let year = try? FinancialYear(parsing: text), years.contains(year) else {
          reader.error(
            key, "clients: '\(text)' is not one of the plan's years",
            hint: "give the number of clients from a year: { 2018-19: 2, 2019-20: 5 }")
          continue
        }
        if let number = count(value, what: "clients in \(text)", in: 0...1000) {
          counts[year] = number
        }
      }
      return .count(counts)
    case .sequence(let items):
      var named: [HostingModel.Client] = []
      for item in items {
        guard
          let fields = reader.fields(
            item, what: "a client", allowed: PlanKeys.client, required: ["name", "starts"]),
          let name = fields["name"].flatMap({ reader.text($0.value, what: "name") }),
          let startsNode = fields["starts"]?.value,
          let startsText = reader.text(startsNode, what: "starts")
        else { continue }
        do {
          let starts = try PlanMonth(firstDay: startsText)
          var ends: PlanMonth?
          if let endsNode = fields["ends"]?.value,
            let endsText = reader.text(endsNode, what: "ends")
          {
            do { ends = try PlanMonth(lastDay: endsText) } catch {
              reader.error(endsNode, "ends: \(error)", hint: "a client ends on a month's last day")
              continue
            }
          }
          if let ends, ends < starts {
            reader.error(item, "\(name) ends (\(ends.lastDay)) before it starts (\(startsText))")
            continue
          }
          named.append(HostingModel.Client(name: name, starts: starts, ends: ends))
        } catch {
          reader.error(
            startsNode, "starts: \(error)", hint: "a client starts on the 1st of a month")
        }
      }
      return .named(named)
    default:
      reader.error(node, "clients must be a number, a number per year, or a list of clients")
      return nil
    }
  }

  /// `host` (the agreement's host alone), `equal`, or any basis of the rule language.
  private mutating func parseHostingBasis(_ node: Node) -> Basis? {
    if case .scalar(let scalar) = node, scalar.string == "host" {
      guard let host = hostID else {
        reader.error(
          node, "'host': the agreement names no host",
          hint: "write basis: { direct: brent } to name the partner that hosts")
        return nil
      }
      return .direct(host)
    }
    return scenario.rules.parseBasis(node)
  }

  private mutating func percentage(_ node: Node, what: String) -> SignedPercentage? {
    guard let text = reader.text(node, what: what) else { return nil }
    do { return try SignedPercentage(parsing: text) } catch {
      reader.error(node, "\(what): \(error)", hint: "write a yearly percentage such as 2.5%")
      return nil
    }
  }

  private mutating func count(_ node: Node, what: String, in range: ClosedRange<Int>) -> Int? {
    guard let text = reader.text(node, what: what) else { return nil }
    guard let number = Int(BudgetLine.trimmed(text)), range.contains(number) else {
      reader.error(
        node,
        "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), "
          + "not '\(text)'")
      return nil
    }
    return number
  }
}

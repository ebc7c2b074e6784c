extension Plan {
  /// The scenario changes that turn the base into year `index` of the plan, in order: the
  /// year; for each year up to it, the growth (from the second year on) and the events
  /// dated in it; then the hosting's rule, the end of the line it replaces, and its lines.
  ///
  /// Applied to the base's rule set (``RuleSet/apply(_:)``) and streamed over the base's
  /// lines (``LineAdjuster``), they give the year's agreement and budget: the year is an
  /// ordinary run of the engine.
  ///
  /// - Parameter clients: a number of hosting clients paying from the hosting's start,
  ///   instead of the model's own.
  /// - Throws: ``Diagnostic`` at an event whose dates cannot hold in this year, or at the
  ///   hosting model when an amount does not fit.
  public func changes(forYear index: Int, clients: Int? = nil) throws(Diagnostic)
    -> [LocatedChange]
  {
    let year = years[index]
    var changes = [LocatedChange(.setYear(year.description), at: location)]
    for step in 0...index {
      if step > 0 {
        changes += growth.map {
          LocatedChange(.scaleLines($0.condition, by: $0.rate), at: $0.location)
        }
      }
      for event in events where event.date.year == years[step] {
        for located in event.changes {
          changes.append(
            try Self.adjust(located, of: event, in: year, eventYear: step == index))
        }
      }
    }
    if let hosting, hosting.monthsHosted(in: year) > 0 {
      changes += try hostingChanges(hosting, year: year, clients: clients)
    }
    return changes
  }

  private func hostingChanges(_ hosting: HostingModel, year: FinancialYear, clients: Int?)
    throws(Diagnostic) -> [LocatedChange]
  {
    let place = hosting.location
    let categories = ColumnTest.oneOf([HostingModel.incomeCategory, HostingModel.costCategory])
    let rule = Rule(
      name: hosting.name,
      note: "The hosting's income and costs (from the plan's hosting model).",
      condition: .column(ColumnRef("category", at: place), categories),
      basis: hosting.basis, location: place)
    var changes = [LocatedChange(.insertRule(rule, .first), at: place)]
    if let id = hosting.replaces {
      let line = Condition.column(ColumnRef("id", at: place), .oneOf([id]))
      let ends: ScenarioChange =
        year == hosting.start.year
        ? .prorateLines(line, months: hosting.start.month) : .removeLines(line)
      changes.append(LocatedChange(ends, at: place))
    }
    let lines = try hosting.lines(for: year, clients: clients).map { line in
      AddedLine(
        fields: [
          ("id", line.id), ("description", line.description), ("amount", line.amount.plainText),
          ("category", line.category),
        ].map { AddedLine.Field(column: $0.0, value: $0.1, location: place) },
        location: place)
    }
    if !lines.isEmpty { changes.append(LocatedChange(.addLines(lines), at: place)) }
    return changes
  }

  /// An event's change as it holds in `year`: part-year lines in the event's own year,
  /// membership dates outside the year dropped (or refused when they cannot hold).
  static func adjust(
    _ located: LocatedChange, of event: PlanEvent, in year: FinancialYear, eventYear: Bool
  ) throws(Diagnostic) -> LocatedChange {
    let place = located.location
    switch located.change {
    case .addLines(let lines) where eventYear:
      let months = FinancialYear.monthCount - event.date.month
      return LocatedChange(.addLines(lines.map { prorate($0, months: months) }), at: place)
    case .removeLines(let condition) where eventYear && event.date.month > 0:
      return LocatedChange(.prorateLines(condition, months: event.date.month), at: place)
    case .setMembership(let id, let joins, let leaves):
      var keptJoins = joins
      var keptLeaves = leaves
      if let joins, let month = try? PlanMonth(firstDay: joins) {
        if month.year.startYear < year.startYear {
          keptJoins = nil
        } else if month.year.startYear > year.startYear {
          throw Diagnostic(
            at: place, "'\(id)' joins on \(joins), after the year \(year) of the event",
            hint: "date the event on or after the day the partner joins")
        }
      }
      if let leaves, let month = try? PlanMonth(lastDay: leaves) {
        if month.year.startYear > year.startYear {
          keptLeaves = nil
        } else if month.year.startYear < year.startYear {
          throw Diagnostic(
            at: place, "'\(id)' leaves on \(leaves), before the plan's year \(year)",
            hint: "end the plan in the year the partner leaves: a partner that has left "
              + "cannot be carried into a later year")
        }
      }
      if keptJoins == nil && keptLeaves == nil {
        return LocatedChange(.setMembership(id, joins: nil, leaves: nil), at: place)
      }
      return LocatedChange(.setMembership(id, joins: keptJoins, leaves: keptLeaves), at: place)
    default:
      return located
    }
  }

  /// An added line with its amount for `months` of the year.
  static func prorate(_ line: AddedLine, months: Int) -> AddedLine {
    AddedLine(
      fields: line.fields.map { field in
        guard BudgetLine.trimmed(field.column).lowercased() == "amount",
          let amount = try? Money(parsing: field.value)
        else { return field }
        return AddedLine.Field(
          column: field.column, value: amount.prorated(months: months).plainText,
          location: field.location)
      },
      location: line.location)
  }
}

extension RuleSet {
  /// Applies one change to the agreement, its partners, rules or drivers. Changes to budget
  /// lines (``ScenarioChange/actsOnLines``) leave the rule set as it is; ``LineAdjuster``
  /// applies them as the budget streams.
  ///
  /// - Throws: ``Diagnostic`` at the change when it cannot apply: a partner or rule that does
  ///   not exist (with the nearest name), a partner added twice, a date outside the year.
  public mutating func apply(_ located: LocatedChange) throws(Diagnostic) {
    let place = located.location
    func fail(_ message: String, hint: String? = nil) -> Diagnostic {
      Diagnostic(at: place, message, hint: hint)
    }
    switch located.change {
    case .setYear(let year):
      self.year = year
    case .setAgreement(let title):
      agreement = title
    case .addPartner(let partner):
      if let existing = partners.first(where: { sameID($0.id, partner.id) }) {
        throw fail(
          "partner '\(partner.id)' is already a partner ('\(existing.id)')",
          hint: "use 'rename partner' or 'joins' to change an existing partner")
      }
      if partner.isHost, let host = partners.first(where: \.isHost) {
        throw fail("'\(host.id)' is already the host", hint: "only one partner hosts the service")
      }
      partners.append(partner)
    case .removePartner(let id):
      let index = try partnerIndex(id, place: place)
      let removed = partners[index].id
      if let rule = rules.first(where: { $0.basis.names(removed) }) {
        throw fail(
          "rule '\(rule.name)' still names '\(removed)'",
          hint: "change or remove that rule before removing the partner")
      }
      partners.remove(at: index)
      drivers = drivers.map { driver in
        var copy = driver
        copy.values.removeAll { $0.partner == removed }
        return copy
      }
    case .renamePartner(let id, let newID, let newName, let newShortName):
      let index = try partnerIndex(id, place: place)
      let old = partners[index].id
      if let newID, newID != old {
        if partners.contains(where: { sameID($0.id, newID) }) {
          throw fail("'\(newID)' is already a partner")
        }
        partners[index].id = newID
        // A short name that was only the id (none was given) follows the id.
        if partners[index].shortName == old.rawValue { partners[index].shortName = newID.rawValue }
        rules = rules.map { rule in
          var copy = rule
          copy.basis = rule.basis.renaming(old, to: newID)
          return copy
        }
        drivers = drivers.map { driver in
          var copy = driver
          copy.values = driver.values.map { $0.partner == old ? PartnerValue(newID, $0.value) : $0 }
          return copy
        }
      }
      if let newName { partners[index].name = newName }
      if let newShortName { partners[index].shortName = newShortName }
    case .setMembership(let id, let joins, let leaves):
      let index = try partnerIndex(id, place: place)
      let financialYear: FinancialYear
      do { financialYear = try FinancialYear(parsing: year) } catch {
        throw fail("\(error)", hint: "set the year before giving join or leave dates")
      }
      var membership = partners[index].membership
      do {
        if let joins { membership.firstMonth = try financialYear.month(ofFirstDay: joins) }
        if let leaves { membership.lastMonth = try financialYear.month(ofLastDay: leaves) }
      } catch {
        throw fail("\(error)")
      }
      guard membership.firstMonth <= membership.lastMonth else {
        throw fail(
          "'\(partners[index].id)' would leave (\(financialYear.lastDay(ofMonth: membership.lastMonth))) "
            + "before it joins (\(financialYear.firstDay(ofMonth: membership.firstMonth)))")
      }
      partners[index].membership = membership
    case .insertRule(let rule, let where_):
      if rules.contains(where: { sameName($0.name, rule.name) }) {
        throw fail("there is already a rule named '\(rule.name)'", hint: "give it a new name")
      }
      switch where_ {
      case .first: rules.insert(rule, at: 0)
      case .last: rules.append(rule)
      case .before(let name): rules.insert(rule, at: try ruleIndex(name, place: place))
      case .after(let name): rules.insert(rule, at: try ruleIndex(name, place: place) + 1)
      }
    case .replaceRule(let name, let rule):
      let index = try ruleIndex(name, place: place)
      if let other = rules.indices.first(where: {
        $0 != index && sameName(rules[$0].name, rule.name)
      }) {
        throw fail("there is already a rule named '\(rules[other].name)'")
      }
      rules[index] = rule
    case .removeRule(let name):
      rules.remove(at: try ruleIndex(name, place: place))
    case .changeRule(let name, let condition, let basis, let profile):
      let index = try ruleIndex(name, place: place)
      if let condition { rules[index].condition = condition }
      if let basis { rules[index].basis = basis }
      if let profile { rules[index].profile = profile }
      rules[index].location = place
    case .setDrivers(let tables):
      // Each figure given replaces that partner's figure in the table of the same name (or
      // is added to it); the other partners keep theirs. A new table is added whole.
      for table in tables {
        guard let index = drivers.firstIndex(where: { $0.name == table.name }) else {
          drivers.append(table)
          continue
        }
        for value in table.values {
          if let at = drivers[index].values.firstIndex(where: { sameID($0.partner, value.partner) })
          {
            drivers[index].values[at] = value
          } else {
            drivers[index].values.append(value)
          }
        }
        drivers[index].location = table.location
      }
    case .setProfiles(let newProfiles):
      for profile in newProfiles {
        if let index = profiles.firstIndex(where: { $0.name == profile.name }) {
          profiles[index] = profile
        } else {
          profiles.append(profile)
        }
      }
    case .addLines, .scaleLines, .removeLines, .prorateLines:
      break
    }
  }

  /// The position of a partner named by id (ignoring case), or a located error with the
  /// nearest id.
  func partnerIndex(_ id: PartnerID, place: SourceLocation) throws(Diagnostic) -> Int {
    if let index = partners.firstIndex(where: { sameID($0.id, id) }) { return index }
    let ids = partners.map(\.id.rawValue)
    throw Diagnostic(
      at: place, "'\(id)' is not a partner",
      hint: DidYouMean.hint(for: id.rawValue, in: ids) + "the partners are: "
        + ids.joined(separator: ", "))
  }

  /// The position of a rule named (ignoring case), or a located error with the nearest name.
  func ruleIndex(_ name: String, place: SourceLocation) throws(Diagnostic) -> Int {
    if let index = rules.firstIndex(where: { sameName($0.name, name) }) { return index }
    let names = rules.map(\.name)
    throw Diagnostic(
      at: place, "there is no rule named '\(name)'",
      hint: DidYouMean.hint(for: name, in: names) + "the rules are: "
        + names.map { "'\($0)'" }.joined(separator: ", "))
  }
}

private func sameID(_ a: PartnerID, _ b: PartnerID) -> Bool {
  a.rawValue.lowercased() == b.rawValue.lowercased()
}

private func sameName(_ a: String, _ b: String) -> Bool {
  normalised(a) == normalised(b)
}

extension Basis {
  /// True when the basis names the partner (in an equal split, percentages or a direct
  /// assignment). Drivers are tables of their own and do not count.
  func names(_ id: PartnerID) -> Bool {
    switch self {
    case .equal(let among): return among?.contains(id) ?? false
    case .percentages(let values): return values.contains { $0.partner == id }
    case .driver, .directByColumn: return false
    case .direct(let partner): return partner == id
    case .carve(_, let to, let rest): return to.names(id) || rest.names(id)
    }
  }

  /// The basis with one partner's id replaced by another.
  func renaming(_ old: PartnerID, to new: PartnerID) -> Basis {
    func swap(_ id: PartnerID) -> PartnerID { id == old ? new : id }
    switch self {
    case .equal(let among): return .equal(among: among?.map(swap))
    case .percentages(let values):
      return .percentages(values.map { PartnerValue(swap($0.partner), $0.value) })
    case .driver, .directByColumn: return self
    case .direct(let partner): return .direct(swap(partner))
    case .carve(let fraction, let to, let rest):
      return .carve(
        fraction: fraction, to: to.renaming(old, to: new), rest: rest.renaming(old, to: new))
    }
  }
}

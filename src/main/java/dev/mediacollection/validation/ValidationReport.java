package dev.mediacollection.validation;

import java.util.ArrayList;
import java.util.List;

/** Every rule a request breaks, each with the profile from which it refuses the request. */
public final class ValidationReport {

    private List<RuleViolation> violations = List.of();

    ValidationReport() {
    }

    public boolean valid() {
        return violations.isEmpty();
    }

    public List<RuleViolation> violations() {
        return violations;
    }

    void violation(JsonPath at, Rule rule, ValidationProfile refusedBy, String detail) {
        add(RuleViolation.inBody(at.pointer(), rule, detail, refusedBy));
    }

    void parameterViolation(String parameter, Rule rule, String detail) {
        add(RuleViolation.inParameter(parameter, rule, detail));
    }

    private void add(RuleViolation violation) {
        if (violations.isEmpty()) {
            violations = new ArrayList<>();
        }
        violations.add(violation);
    }
}

package dev.mediacollection.validation;

import java.util.ArrayList;
import java.util.List;

/** Everything a validation found: the violations, and the unknown keys a lenient policy let through. */
public final class ValidationReport {

    private final UnknownKeyPolicy unknownKeys;
    private List<RuleViolation> violations = List.of();
    private List<String> acceptedUnknownKeys = List.of();

    ValidationReport(UnknownKeyPolicy unknownKeys) {
        this.unknownKeys = unknownKeys;
    }

    public boolean valid() {
        return violations.isEmpty();
    }

    public List<RuleViolation> violations() {
        return violations;
    }

    /** Pointers of keys the contract does not define but the {@link UnknownKeyPolicy#ACCEPT} policy kept. */
    public List<String> acceptedUnknownKeys() {
        return acceptedUnknownKeys;
    }

    void violation(JsonPath at, String detail) {
        if (violations.isEmpty()) {
            violations = new ArrayList<>();
        }
        violations.add(RuleViolation.inBody(at.pointer(), detail));
    }

    void parameterViolation(String parameter, String detail) {
        if (violations.isEmpty()) {
            violations = new ArrayList<>();
        }
        violations.add(RuleViolation.inParameter(parameter, detail));
    }

    void unknownKey(JsonPath at, String suggestion) {
        if (unknownKeys == UnknownKeyPolicy.ACCEPT) {
            if (acceptedUnknownKeys.isEmpty()) {
                acceptedUnknownKeys = new ArrayList<>();
            }
            acceptedUnknownKeys.add(at.pointer());
        } else {
            violation(at, suggestion == null
                    ? "is not a known key"
                    : "is not a known key (did you mean \"" + suggestion + "\"?)");
        }
    }
}

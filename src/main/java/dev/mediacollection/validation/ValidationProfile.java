package dev.mediacollection.validation;

import java.util.List;

/**
 * How much of the contract refuses a request ({@code mc.validation.profile}). Each profile refuses what the one
 * before it refuses, and more; every rule a request breaks that its profile does not refuse is kept with the data as
 * a finding. Which profile first refuses each rule is written in the contract ({@code x-refused-by}).
 */
public enum ValidationProfile {

    /** Refuses only what cannot be kept or interpreted: the envelope of an event, the shape of a body. */
    LENIENT,
    /** Refuses what Adobe's published JSON validation schemas refuse (docs/adobe-validation.md). */
    ADOBE,
    /** Refuses every rule of the contract. */
    STRICT;

    /** Whether this profile refuses a request that breaks the rule as {@code violation} reports it. */
    public boolean refuses(RuleViolation violation) {
        return violation.refusedBy().compareTo(this) <= 0;
    }

    /** Whether this profile refuses a request with these violations. */
    public boolean refusesAny(List<RuleViolation> violations) {
        for (RuleViolation violation : violations) {
            if (refuses(violation)) {
                return true;
            }
        }
        return false;
    }
}

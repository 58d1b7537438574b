package dev.mediacollection.api;

/**
 * Where the contract's operations live. A leaf that every part of the API may name, so that none of them has to
 * reach into another for a path.
 */
public final class ApiPaths {

    /** Every operation of the contract is under this path; anything else (/q/*, the pages) is not the API. */
    public static final String PREFIX = "/api/v1";

    private ApiPaths() {
    }
}

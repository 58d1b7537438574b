package dev.mediacollection.validation;

/**
 * Where a value sits in a document. Kept as a chain of tokens and rendered as an RFC 6901 pointer only when a
 * violation needs it, so valid requests pay for no string building.
 */
final class JsonPath {

    static final JsonPath ROOT = new JsonPath(null, null);

    private final JsonPath parent;
    private final String token;

    private JsonPath(JsonPath parent, String token) {
        this.parent = parent;
        this.token = token;
    }

    JsonPath child(String name) {
        return new JsonPath(this, name);
    }

    JsonPath child(int index) {
        return new JsonPath(this, Integer.toString(index));
    }

    String pointer() {
        if (parent == null) {
            return "";
        }
        return parent.pointer() + "/" + token.replace("~", "~0").replace("/", "~1");
    }
}

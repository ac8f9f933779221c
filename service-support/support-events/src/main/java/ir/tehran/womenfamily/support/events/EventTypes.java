package ir.tehran.womenfamily.support.events;

/** Naming rules shared by producers and consumers, so that both spell an event's coordinates alike. */
public final class EventTypes {

    /** CloudEvents extension carrying the request id (extension names are lower-case letters and digits). */
    public static final String REQUEST_ID_EXTENSION = "requestid";
    public static final String DLT_SUFFIX = ".DLT";

    private EventTypes() {
    }

    /** The CloudEvents {@code type}: {@code ir.tehran.womenfamily.registry.beneficiary.registered}. */
    public static String cloudEventType(String service, String type) {
        return "ir.tehran.womenfamily." + service + "." + type;
    }

    /** The CloudEvents {@code dataschema}, also the {@code $id} of the JSON Schema in the AsyncAPI document. */
    public static String dataSchema(String service, String type, int version) {
        return "urn:women-family:events:" + service + ":" + type + ":v" + version;
    }
}

package ir.tehran.womenfamily.registry.dci;

/**
 * Where subscriptions hand what goes back to an agency: the {@code on-subscribe} and {@code on-unsubscribe}
 * answers and the {@code notify} events. A call is made inside the transaction that decided the callback (a
 * subscription stored, a notification released and logged), so the callback is sent if and only if that
 * transaction commits.
 */
public interface DciCallbacks {

    /**
     * Sends {@code {header, message}} to the agency {@code clientId} at its {@code action} endpoint
     * ({@code on-subscribe}, {@code on-unsubscribe}, {@code notify}) under {@code senderUri}.
     */
    void send(String clientId, String senderUri, String action, DciDtos.CallbackHeader header, Object message);
}

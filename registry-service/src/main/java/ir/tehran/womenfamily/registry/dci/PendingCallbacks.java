package ir.tehran.womenfamily.registry.dci;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Until signed callback delivery is wired in: the callbacks are only logged (their action and agency). */
@ApplicationScoped
public class PendingCallbacks implements DciCallbacks {

    private static final Logger LOG = Logger.getLogger(PendingCallbacks.class);

    @Override
    public void send(String clientId, String senderUri, String action, DciDtos.CallbackHeader header,
            Object message) {
        LOG.infof("DCI %s for %s (message %s) not delivered: no callback delivery yet", action, clientId,
            header.messageId());
    }
}

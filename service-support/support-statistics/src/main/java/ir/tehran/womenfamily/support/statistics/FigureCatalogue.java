package ir.tehran.womenfamily.support.statistics;

import java.util.List;

/**
 * A service's figures: one CDI bean per service lists them, one line each. The store refreshes them and the
 * statistics and open-data APIs serve them.
 */
public interface FigureCatalogue {

    List<Figure> figures();

    /**
     * A query of one text column that changes whenever the service's data may have changed; the figures are
     * refreshed when it does (and at least every {@code statistics.max-age}). By default: the last outbox event
     * the service wrote and the last event it consumed, so every write that announces itself, and every event
     * from another service, leads to a refresh.
     */
    default String changeMarkQuery() {
        return "select (select coalesce(max(seq), 0) from outbox_event)::text || ':'"
            + " || coalesce((select max(processed_at) from processed_event)::text, '')";
    }
}

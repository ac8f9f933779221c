-- The W3C trace context (traceparent) of the work that wrote an outbox row; the relay puts it in the Kafka
-- record's headers so that consumers continue the same trace. Empty for rows written outside a trace.
alter table outbox_event add column trace_parent text;

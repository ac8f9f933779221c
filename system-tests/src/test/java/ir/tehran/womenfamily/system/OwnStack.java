package ir.tehran.womenfamily.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that starts a system of its own (PostgreSQL, Kafka, the services, the gateway) instead of using
 * {@link SharedStack}: it runs beside the classes of the shared system, and never beside another such class, so
 * that at most two systems share the machine (junit-platform.properties of this module).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(OwnStack.LOCK)
public @interface OwnStack {

    /** The lock every such class holds while it runs. */
    String LOCK = "ir.tehran.womenfamily.system.own-stack";
}

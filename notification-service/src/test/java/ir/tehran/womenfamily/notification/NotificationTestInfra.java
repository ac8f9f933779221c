package ir.tehran.womenfamily.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import ir.tehran.womenfamily.localstack.InfraTestResource;

/** Every {@code @QuarkusTest} of this module runs against one real PostgreSQL database and one Kafka broker. */
@WithTestResource(value = InfraTestResource.class, scope = TestResourceScope.GLOBAL,
    initArgs = @ResourceArg(name = "database", value = "notification"))
public final class NotificationTestInfra {

    private NotificationTestInfra() {
    }
}

package ir.tehran.womenfamily.registry.beneficiary;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A service delivered to her that a change of her support level cites: its kind and its id (a counselling
 * session, a training enrolment or a business facilitation). Kept in her history; it names the service, never
 * what was said in it.
 */
@Schema(name = "CitedService", description = "A service delivered to her that a change of support level cites.")
public record CitedService(@NotNull ServiceKind kind,
        @Schema(description = "The counselling session's, training enrolment's or facilitation's id")
        @NotNull UUID id) {
}

package ir.tehran.womenfamily.registry.work.placement;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who receives the placements' monthly statements. */
@ConfigMapping(prefix = "registry.placements")
public interface PlacementConfig {

    /**
     * The client id ({@code client_id} claim, with the {@code agency} role) of the Prisons Organisation,
     * the only agency that receives the statements; from the environment in production
     * ({@code REGISTRY_PLACEMENTS_PRISONS_CLIENT_ID}).
     */
    @WithDefault("prisons-organisation")
    String prisonsClientId();
}

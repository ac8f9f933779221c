package ir.tehran.womenfamily.system.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import ir.tehran.womenfamily.system.NationalCodes;
import ir.tehran.womenfamily.system.SharedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The clients a partner developer generates from the contract work against the running system: the Java client
 * (openapi-generator {@code java}/{@code native}, compiled with these tests) and the TypeScript one (openapi-typescript
 * and openapi-fetch, type-checked by tsc in the build) each run the same flow ({@link JavaClientFlow},
 * contract/flow.mts) through the gateway, each with its own {@link FlowFixture}.
 */
@ExtendWith(SharedStack.class)
class GeneratedClientsIT {

    @Test
    void theGeneratedJavaClientRunsTheFlow() throws Exception {
        new JavaClientFlow(FlowFixture.prepare(SharedStack.stack(), "java")).run();
    }

    @Test
    void theGeneratedTypeScriptClientRunsTheFlow() {
        Map<String, String> env = new HashMap<>(FlowFixture.prepare(SharedStack.stack(), "ts").environment());
        env.put("NATIONAL_CODE", NationalCodes.random());
        ContractTools.Run flow = ContractTools.node(env, Duration.ofMinutes(2), "build/flow.mjs");
        System.out.println("[contract] TypeScript flow:\n" + flow.output());
        assertEquals(0, flow.exit(), "contract/flow.mts (compiled by the build to build/flow.mjs):\n"
            + flow.output());
    }
}

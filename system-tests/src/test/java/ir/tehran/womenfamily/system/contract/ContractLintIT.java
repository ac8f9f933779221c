package ir.tehran.womenfamily.system.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ir.tehran.womenfamily.localstack.LocalStack;
import ir.tehran.womenfamily.system.SharedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract as a partner developer's tools see it, on the running system: every service's OpenAPI document and
 * the gateway's aggregated one linted with Spectral ({@code spectral:oas}, contract/.spectral.yaml) and Redocly
 * ({@code recommended}, contract/redocly.yaml), each service's AsyncAPI document validated at its documented URL
 * ({@code <gateway>/api/<service>/asyncapi}), by contract/lint.mjs. The goal is no Spectral error or warning, no
 * Redocly error and every AsyncAPI document valid; until then each count is held to contract/lint-baseline.json,
 * which may only go down (a count above it fails). The counts and the contract's metrics (contract/metrics.mjs,
 * docs/api/CONTRACT-METRICS.md) are printed and written to target/contract/lint.
 */
@ExtendWith(SharedStack.class)
class ContractLintIT {

    @Test
    void noLintCountOfAnyDocumentRisesAboveTheBaseline() {
        LocalStack stack = SharedStack.stack();
        Path out = ContractTools.output("lint");
        List<String> args = new ArrayList<>(List.of("lint.mjs", "--gateway", stack.gatewayUrl(), "--out",
            out.toString(), "--baseline", "lint-baseline.json"));
        for (String service : LocalStack.SERVICES) {
            args.add("--service");
            args.add(service + "=" + stack.service(service).baseUrl());
        }
        if (ContractTools.UPDATE) {
            args.add("--update-baseline");
        }
        ContractTools.Run lint = ContractTools.node(Map.of(), Duration.ofMinutes(5), args.toArray(String[]::new));
        System.out.println("[contract] lint:\n" + lint.output());

        ContractTools.Run metrics = ContractTools.node(Map.of(), Duration.ofMinutes(1), "metrics.mjs",
            "--openapi", out.resolve("documents/aggregated.json").toString(),
            "--lint", out.resolve("lint-counts.json").toString(), "--out", out.toString());
        System.out.println("[contract] metrics (docs/api/CONTRACT-METRICS.md):\n" + metrics.output());

        assertEquals(0, lint.exit(), "lint.mjs (exit 1: a count above contract/lint-baseline.json; 2: it could "
            + "not run):\n" + lint.output());
        assertEquals(0, metrics.exit(), metrics.output());
    }
}

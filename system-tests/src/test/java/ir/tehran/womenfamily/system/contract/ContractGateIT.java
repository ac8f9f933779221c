package ir.tehran.womenfamily.system.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import ir.tehran.womenfamily.system.SharedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The breaking-change gate (docs/api/VERSIONING.md): the aggregated document the gateway serves ({@code /openapi},
 * in the committed form of {@link OpenApiFile}) must be the committed docs/api/openapi.json. When it is not, the
 * difference is classified by openapi-diff and the build fails either way, saying whether it is compatible (update
 * the file) or breaking (update the file, with a new {@code info.version} and its heading in docs/api/CHANGELOG.md).
 * With {@code -Dcontract.update=true} the file is rewritten instead: at once for a compatible change, for a breaking
 * one only when the served version is new and the changelog has its heading. A difference openapi-diff cannot
 * classify (it refuses a document whose operations name an undefined security scheme) fails the build the same way
 * and is recorded like a compatible one. The changelog always has a heading for the committed version. The diff is
 * written to target/contract/gate/openapi-diff.md.
 */
@ExtendWith(SharedStack.class)
class ContractGateIT {

    private static final String UPDATE = "./mvnw -B -pl system-tests -am verify -Dtest=none "
        + "-Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ContractGateIT -Dfailsafe.failIfNoSpecifiedTests=false "
        + "-Dcontract.update=true";

    @Test
    void theServedDocumentIsTheCommittedOneOrADeliberatelyRecordedChange() throws IOException {
        Path committedFile = ContractTools.docs().resolve("openapi.json");
        Path out = ContractTools.output("gate");
        String served = OpenApiFile.normalise(given().baseUri(SharedStack.stack().gatewayUrl())
            .accept("application/json").when().get("/openapi").then().statusCode(200).extract().asString());
        Files.writeString(out.resolve("served-openapi.json"), served);
        String committed = Files.exists(committedFile) ? Files.readString(committedFile) : null;
        if (served.equals(committed)) {
            assertChangelogHas(OpenApiFile.version(committed));
            return;
        }

        boolean breaking = false;
        String verdict = "new";
        String report = "no committed document yet";
        if (committed != null) {
            try {
                ChangedOpenApi diff = OpenApiCompare.fromContents(committed, served);
                breaking = diff.isIncompatible();
                verdict = breaking ? "BREAKING" : "compatible";
                report = render(diff);
            } catch (RuntimeException e) {
                // a document openapi-diff cannot read (an operation naming an undefined security scheme, say)
                verdict = "unclassified";
                report = "openapi-diff could not compare the documents: " + e;
            }
            Files.writeString(out.resolve("openapi-diff.md"), report);
        }
        System.out.println("[contract] the served document differs from docs/api/openapi.json (" + verdict + "):\n"
            + report);
        String servedVersion = OpenApiFile.version(served);
        if (!ContractTools.UPDATE) {
            fail("The served OpenAPI document differs from docs/api/openapi.json: a " + verdict + " change (diff: "
                + out.resolve("openapi-diff.md") + "). "
                + (breaking ? "A breaking change needs a new info.version, a heading for it with a line per change in "
                    + "docs/api/CHANGELOG.md, and the policy of docs/api/VERSIONING.md (a new path prefix or six "
                    + "months' notice); then " : "If it is intended, ")
                + "update the committed file: " + UPDATE);
        }
        if (breaking && (servedVersion.equals(OpenApiFile.version(committed)) || !changelogHas(servedVersion))) {
            fail("Not recorded: the change is breaking, and the served info.version (" + servedVersion + ") is not "
                + "new or has no heading in docs/api/CHANGELOG.md (docs/api/VERSIONING.md).");
        }
        Files.writeString(committedFile, served);
        System.out.println("[contract] docs/api/openapi.json rewritten (" + verdict + ", info.version "
            + servedVersion + ")");
        assertChangelogHas(servedVersion);
    }

    private static String render(ChangedOpenApi diff) {
        try {
            return new MarkdownRender().render(diff);
        } catch (RuntimeException e) {
            return "(the difference could not be rendered: " + e + ")";
        }
    }

    private static boolean changelogHas(String version) throws IOException {
        Path changelog = ContractTools.docs().resolve("CHANGELOG.md");
        return Files.exists(changelog) && Pattern.compile("^## " + Pattern.quote(version) + "\\b", Pattern.MULTILINE)
            .matcher(Files.readString(changelog)).find();
    }

    private static void assertChangelogHas(String version) throws IOException {
        assertTrue(changelogHas(version), "docs/api/CHANGELOG.md has no heading \"## " + version + "\" for the "
            + "document's info.version");
    }
}

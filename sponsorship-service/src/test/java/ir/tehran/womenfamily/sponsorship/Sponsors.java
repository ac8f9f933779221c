package ir.tehran.womenfamily.sponsorship;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;

/** Benefactors and pledges made through the API, as an officer would. */
public final class Sponsors {

    private Sponsors() {
    }

    /** A benefactor; {@code preferences} is a JSON object or null. */
    public static UUID newBenefactor(String name, String preferences) {
        String body = "{\"kind\":\"PERSON\",\"displayName\":\"" + name + "\""
            + (preferences == null ? "" : ",\"preferences\":" + preferences) + "}";
        return UUID.fromString(given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body(body)
            .post("/api/sponsorship/benefactors").then().statusCode(201).extract().path("id"));
    }

    public static String pledgeBody(UUID sponsor, UUID child, String purpose, String schedule, long rials,
            Integer months) {
        return "{\"sponsorId\":\"" + sponsor + "\",\"childId\":\"" + child + "\",\"purpose\":\"" + purpose
            + "\",\"schedule\":\"" + schedule + "\",\"instalmentRials\":" + rials
            + (months == null ? "" : ",\"months\":" + months) + "}";
    }

    /** A proposed pledge (the child held). */
    public static UUID propose(UUID sponsor, UUID child, String purpose, long rials) {
        return UUID.fromString(given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body(pledgeBody(sponsor, child, purpose, "ONE_OFF", rials, null))
            .post("/api/sponsorship/pledges").then().statusCode(201).extract().path("id"));
    }

    /** A confirmed pledge: an active sponsorship. */
    public static UUID sponsor(UUID sponsor, UUID child, String purpose, long rials) {
        UUID pledge = propose(sponsor, child, purpose, rials);
        given().auth().oauth2(Tokens.officer()).post("/api/sponsorship/pledges/" + pledge + "/confirmation")
            .then().statusCode(200);
        return pledge;
    }

    public static void receive(UUID pledge, long rials) {
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"amountRials\":" + rials + "}")
            .post("/api/sponsorship/pledges/" + pledge + "/receipts").then().statusCode(201);
    }
}

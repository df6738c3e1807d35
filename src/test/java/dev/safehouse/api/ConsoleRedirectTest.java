package dev.safehouse.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** {@code /console} without its trailing slash redirects to the console; nothing else moves. */
@QuarkusTest
class ConsoleRedirectTest {
  @Test
  void console_withoutSlash_redirectsToTheConsole() {
    given()
        .redirects()
        .follow(false)
        .get("/console")
        .then()
        .statusCode(301)
        .header("Location", endsWith("/console/"));
    given()
        .redirects()
        .follow(false)
        .head("/console")
        .then()
        .statusCode(301)
        .header("Location", endsWith("/console/"));
    given().get("/console").then().statusCode(200).contentType(containsString("text/html"));
  }

  @Test
  void otherPaths_areNotRedirected() {
    given().redirects().follow(false).get("/console/").then().statusCode(200);
    given().redirects().follow(false).get("/consoles").then().statusCode(404);
    given().redirects().follow(false).get("/console/no-such-file").then().statusCode(404);
    given().redirects().follow(false).post("/console").then().statusCode(404);
  }
}

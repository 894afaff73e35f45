package jp.inochi.boundaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.inochi.access.Role;
import jp.inochi.demo.DemoDataSet;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/** The outlines maps draw: every current area, or one municipality's or ward's, always with the layer's credit. */
@MicronautTest(transactional = false)
class BoundaryOutlinesTest {
    @Inject
    List<DemoDataSet> sets;
    @Inject
    TestLogins logins;
    @Inject
    @Client("/")
    HttpClient client;

    private JsonNode areas(String query) throws Exception {
        String body = client.toBlocking().retrieve(logins.asOfficerOf("43203",
                HttpRequest.GET("/api/boundary-layers/areas.geojson" + query)), String.class);
        return new ObjectMapper().readTree(body);
    }

    @Test
    void theDemoBoundariesComeAsOutlinesWithTheirCreditWholeOrByMunicipalityOrWard() throws Exception {
        sets.stream().filter(set -> set.name().equals("boundaries")).findFirst().orElseThrow().load(Path.of("gis/demo"));

        // other tests' boundary layers may be current beside the demo's
        JsonNode all = areas("");
        assertTrue(all.get("features").size() >= 49, "the 44 municipalities and 熊本市's 5 wards");
        assertTrue(all.get("attribution").asText().contains(DemoBoundaries.CREDIT), all.get("attribution").asText());
        JsonNode hitoyoshi = areas("?code=43203");
        assertTrue(hitoyoshi.get("features").size() >= 1, "the demo's 人吉市, and other tests' layers' own");
        hitoyoshi.get("features").forEach(f -> assertEquals("人吉市", f.get("properties").get("name").asText()));
        assertTrue(hitoyoshi.get("attribution").asText().contains(DemoBoundaries.CREDIT));
        Set<String> wards = new HashSet<>();
        areas("?code=43100").get("features").forEach(f -> wards.add(f.get("properties").get("ward_code").asText()));
        assertTrue(wards.containsAll(Set.of("43101", "43102", "43103", "43104", "43105")), "熊本市's 5 wards: " + wards);
        JsonNode chuo = areas("?code=43101");
        assertTrue(chuo.get("features").size() >= 1);
        chuo.get("features").forEach(f -> assertTrue(f.get("properties").toString().contains("\"43101\""), f.toString()));
    }

    @Test
    void aCodeThatIsNotFiveDigitsIsRefusedAndAnonymousCallersGetNothing() {
        HttpClientResponseException bad = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(logins.as(Role.CENTER_STAFF, HttpRequest.GET("/api/boundary-layers/areas.geojson?code=abc")), String.class));
        assertEquals(400, bad.getStatus().getCode());
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/boundary-layers/areas.geojson"), String.class));
        assertEquals(401, anonymous.getStatus().getCode());
    }
}
